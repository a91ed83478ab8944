package io.keyfob.portal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.keyfob.directory.Directory;
import io.keyfob.directory.Group;
import io.keyfob.directory.Page;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.policy.HardwareOathPolicy;
import io.keyfob.policy.HardwareOathPolicy.ExcludeTarget;
import io.keyfob.policy.HardwareOathPolicy.IncludeTarget;
import io.keyfob.policy.HardwareOathPolicyChange;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.shared.KeyfobException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hardware OATH method policy: on or off, for all users or for members of chosen
 * groups, minus members of excluded groups. Readers see it; Authentication Policy
 * Administrators change it, with effect on the very next request.
 */
@Controller
@RequestMapping("/admin/policy")
final class AdminPolicyController {

	static final int MAX_GROUPS_SHOWN = 200;

	private final AuthenticationMethodsPolicy policy;

	private final Directory directory;

	AdminPolicyController(AuthenticationMethodsPolicy policy, Directory directory) {
		this.policy = policy;
		this.directory = directory;
	}

	@GetMapping
	String policy(PortalUser me, Model model) {
		AdminAccess.require(me, AdminRight.READ_POLICY);
		HardwareOathPolicy current = this.policy.hardwareOath();
		Page<Group> groups = this.directory.groups(null, MAX_GROUPS_SHOWN);
		model.addAttribute("enabled", current.state() == AuthenticationMethodState.ENABLED);
		model.addAttribute("allUsers", current.includeTargets().stream().anyMatch(IncludeTarget::allUsers));
		model.addAttribute("included",
				current.includeTargets().stream().map(IncludeTarget::id).collect(Collectors.toSet()));
		model.addAttribute("excluded",
				current.excludeTargets()
					.stream()
					.map((target) -> target.groupId().toString())
					.collect(Collectors.toSet()));
		model.addAttribute("groups", groups.items());
		model.addAttribute("moreGroups", groups.next() != null);
		return "portal/admin/policy";
	}

	@PostMapping
	String update(PortalUser me, @RequestParam(defaultValue = "disabled") String state,
			@RequestParam(defaultValue = "all") String include,
			@RequestParam(name = "includeGroup", required = false) List<UUID> includeGroups,
			@RequestParam(name = "excludeGroup", required = false) List<UUID> excludeGroups,
			RedirectAttributes redirect) {
		AdminAccess.require(me, AdminRight.MANAGE_POLICY);
		HardwareOathPolicy current = this.policy.hardwareOath();
		Map<String, IncludeTarget> previous = current.includeTargets()
			.stream()
			.collect(Collectors.toMap(IncludeTarget::id, Function.identity()));
		List<IncludeTarget> includes = new ArrayList<>();
		if ("groups".equals(include)) {
			for (UUID group : (includeGroups != null) ? Set.copyOf(includeGroups) : Set.<UUID>of()) {
				includes.add(previous.getOrDefault(group.toString(), new IncludeTarget(group.toString(), false)));
			}
		}
		else {
			includes.add(previous.getOrDefault(HardwareOathPolicy.ALL_USERS,
					new IncludeTarget(HardwareOathPolicy.ALL_USERS, false)));
		}
		List<ExcludeTarget> excludes = ((excludeGroups != null) ? Set.copyOf(excludeGroups) : Set.<UUID>of()).stream()
			.map(ExcludeTarget::new)
			.toList();
		AuthenticationMethodState newState = "enabled".equals(state) ? AuthenticationMethodState.ENABLED
				: AuthenticationMethodState.DISABLED;
		try {
			this.policy.updateHardwareOath(new HardwareOathPolicyChange(newState, includes, excludes));
		}
		catch (KeyfobException ex) {
			redirect.addFlashAttribute("problem",
					"The policy was not changed: a chosen group no longer exists. Check the groups and save again.");
			return "redirect:/admin/policy";
		}
		redirect.addFlashAttribute("notice",
				(newState == AuthenticationMethodState.ENABLED)
						? "Saved. Hardware tokens are on for the chosen users, from now on."
						: "Saved. Hardware tokens are off: nobody can add one or sign in with one.");
		return "redirect:/admin/policy";
	}

}
