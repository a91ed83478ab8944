package io.keyfob.portal.admin;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.accesspass.TemporaryAccessPasses.IssuedPass;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A helpdesk agent creates a user's Temporary Access Pass on the user's page (shown once,
 * on the page the creation answers with, never stored in a flash or the session) and
 * deletes it. Who may follows Entra, as the Graph API does: Authentication Administrators
 * for users without an admin role, Privileged Authentication Administrators for anyone;
 * nobody for themself.
 */
@Controller
@RequestMapping("/admin/users/{userId}/access-pass")
final class AdminAccessPassController {

	private final TemporaryAccessPasses passes;

	private final Directory directory;

	AdminAccessPassController(TemporaryAccessPasses passes, Directory directory) {
		this.passes = passes;
		this.directory = directory;
	}

	/**
	 * Whether the signed-in admin may create and delete the user's pass.
	 * @param me the admin
	 * @param userId the user
	 * @param directory the directory, for the user's roles
	 * @return whether to offer and allow it
	 */
	static boolean mayManage(PortalUser me, UUID userId, Directory directory) {
		return me.can(AdminRight.MANAGE_METHODS) && !me.id().equals(userId)
				&& (me.privileged() || !directory.holdsAdminRole(userId));
	}

	@PostMapping
	String create(PortalUser me, @PathVariable UUID userId, @RequestParam(defaultValue = "") String lifetimeInMinutes,
			@RequestParam(defaultValue = "false") boolean isUsableOnce, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		User user = manageable(me, userId);
		Integer lifetime;
		try {
			lifetime = lifetimeInMinutes.isBlank() ? null : Integer.valueOf(lifetimeInMinutes.strip());
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("problem", "Enter the lifetime as a whole number of minutes, or leave it empty "
					+ "for the policy's default.");
			return back(user);
		}
		IssuedPass issued;
		try {
			issued = this.passes.create(user.id(), null, lifetime, isUsableOnce);
		}
		catch (KeyfobException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return back(user);
		}
		// the pass is on this page only: not cached, not kept
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("user", user);
		model.addAttribute("issued", issued);
		return "portal/admin/access-pass-created";
	}

	@PostMapping("/{methodId}/delete")
	String delete(PortalUser me, @PathVariable UUID userId, @PathVariable String methodId,
			RedirectAttributes redirect) {
		User user = manageable(me, userId);
		try {
			this.passes.delete(user.id(), methodId);
			redirect.addFlashAttribute("notice",
					"The Temporary Access Pass of " + user.displayName() + " is deleted: it no longer signs in.");
		}
		catch (KeyfobException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return back(user);
	}

	private User manageable(PortalUser me, UUID userId) {
		AdminAccess.require(me, AdminRight.MANAGE_METHODS);
		User user = this.directory.findUser(userId)
			.orElseThrow(() -> new KeyfobException(ErrorKind.NOT_FOUND, "userNotFound", "No such user"));
		if (!mayManage(me, userId, this.directory)) {
			throw new KeyfobException(ErrorKind.FORBIDDEN, "Authorization_RequestDenied",
					"This user holds an administrator role, so a Privileged Authentication Administrator must "
							+ "create or delete their Temporary Access Pass. Nobody does it for themself.");
		}
		return user;
	}

	private static String back(User user) {
		return "redirect:/admin/users/" + user.id();
	}

}
