package io.keyfob.portal.admin;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.keyfob.accesspass.AccessPassException;
import io.keyfob.accesspass.TemporaryAccessPassPolicy;
import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.directory.Directory;
import io.keyfob.directory.Group;
import io.keyfob.directory.Page;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.FormProblems;
import io.keyfob.portal.web.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Temporary Access Pass policy, beside the hardware OATH policy: the same rules and
 * the same rights as the Graph API's policy endpoint, whose accesspass service it calls.
 * Readers see it; Authentication Policy Administrators change it.
 */
@Controller
@RequestMapping("/admin/policy/temporary-access-pass")
final class AdminAccessPassPolicyController {

	private final TemporaryAccessPasses passes;

	private final Directory directory;

	AdminAccessPassPolicyController(TemporaryAccessPasses passes, Directory directory) {
		this.passes = passes;
		this.directory = directory;
	}

	@GetMapping
	String policy(PortalUser me, Model model) {
		AdminAccess.require(me, AdminRight.READ_POLICY);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", AccessPassPolicyForm.of(this.passes.policy()));
			model.addAttribute("problems", new FormProblems());
		}
		Page<Group> groups = this.directory.groups(null, AdminPolicyController.MAX_GROUPS_SHOWN);
		model.addAttribute("groups", groups.items());
		model.addAttribute("moreGroups", groups.next() != null);
		return "portal/admin/access-pass-policy";
	}

	@PostMapping
	String update(PortalUser me, @RequestParam(defaultValue = "disabled") String state,
			@RequestParam(defaultValue = "all") String include,
			@RequestParam(name = "includeGroup", required = false) @Nullable List<String> includeGroups,
			@RequestParam(name = "excludeGroup", required = false) @Nullable List<String> excludeGroups,
			@RequestParam(defaultValue = "") String defaultLifetimeInMinutes,
			@RequestParam(defaultValue = "") String minimumLifetimeInMinutes,
			@RequestParam(defaultValue = "") String maximumLifetimeInMinutes,
			@RequestParam(defaultValue = "") String defaultLength,
			@RequestParam(defaultValue = "false") boolean isUsableOnce,
			@RequestParam(defaultValue = "false") boolean usableForVerify, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		AdminAccess.require(me, AdminRight.MANAGE_POLICY);
		AccessPassPolicyForm form = new AccessPassPolicyForm("enabled".equals(state), !"groups".equals(include),
				Set.copyOf(Objects.requireNonNullElse(includeGroups, List.of())),
				Set.copyOf(Objects.requireNonNullElse(excludeGroups, List.of())), defaultLifetimeInMinutes,
				minimumLifetimeInMinutes, maximumLifetimeInMinutes, defaultLength, isUsableOnce, usableForVerify);
		FormProblems problems = new FormProblems();
		TemporaryAccessPassPolicy policy = form.read(problems);
		if (policy != null) {
			try {
				this.passes.updatePolicy(policy);
			}
			catch (AccessPassException ex) {
				AccessPassPolicyForm.refused(ex, problems);
			}
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", form);
			model.addAttribute("problems", problems);
			return policy(me, model);
		}
		redirect.addFlashAttribute("notice",
				form.enabled()
						? "Saved. Helpdesk agents can give the chosen users a Temporary Access Pass, from now on."
						: "Saved. Temporary Access Passes are off: no pass can be created or used.");
		return "redirect:/admin/policy/temporary-access-pass";
	}

}
