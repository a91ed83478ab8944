package io.keyfob.portal.admin;

import java.util.List;

import io.keyfob.directory.Directory;
import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.NewUser;
import io.keyfob.directory.Page;
import io.keyfob.directory.User;
import io.keyfob.directory.UserQuery;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.FormProblems;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users of the directory, searched by the start of their sign-in name, and a form to
 * create one (for Global Administrators and others holding {@code User.ReadWrite.All}).
 */
@Controller
@RequestMapping("/admin/users")
final class AdminUsersController {

	static final int PAGE_SIZE = 25;

	private final Directory directory;

	private final DirectoryAdministration administration;

	AdminUsersController(Directory directory, DirectoryAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	@GetMapping
	String users(PortalUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Nullable String after, Model model) {
		AdminAccess.require(me, AdminRight.READ_METHODS);
		String search = q.strip();
		UserQuery query = new UserQuery(null, search.isEmpty() ? null : search, null, null, null,
				(after != null && !after.isBlank()) ? after : null, PAGE_SIZE);
		Page<User> page;
		try {
			page = this.directory.users(query);
		}
		catch (KeyfobException ex) {
			page = this.directory.users(query.after(null));
		}
		model.addAttribute("q", search);
		model.addAttribute("page", page);
		model.addAttribute("paged", after != null && !after.isBlank());
		return "portal/admin/users";
	}

	@GetMapping("/new")
	String newUserForm(PortalUser me, Model model) {
		AdminAccess.require(me, AdminRight.MANAGE_USERS);
		model.addAttribute("problems", new FormProblems());
		return "portal/admin/user-new";
	}

	@PostMapping("/new")
	String createUser(PortalUser me, @RequestParam(defaultValue = "") String userPrincipalName,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
			Model model, RedirectAttributes redirect) {
		AdminAccess.require(me, AdminRight.MANAGE_USERS);
		String upn = userPrincipalName.strip();
		String name = displayName.strip();
		FormProblems problems = new FormProblems();
		if (!upn.matches("[^@\\s]+@[^@\\s]+")) {
			problems.add("userPrincipalName", "Enter a user name in the form name@example.org.");
		}
		if (name.isEmpty()) {
			problems.add("displayName", "Enter the name to show, for example Amy Masters.");
		}
		if (password.isEmpty()) {
			problems.add("password", "Enter a first password for the user.");
		}
		if (problems.isEmpty()) {
			try {
				User user = this.administration.createUser(new NewUser(upn, name, true, password));
				redirect.addFlashAttribute("notice", "User " + user.userPrincipalName()
						+ " is created. Give them their password; they can sign in now.");
				return "redirect:/admin/users/" + user.id();
			}
			catch (KeyfobException ex) {
				problems.add(field(ex), message(ex));
			}
		}
		model.addAttribute("userPrincipalName", upn);
		model.addAttribute("displayName", name);
		model.addAttribute("problems", problems);
		return "portal/admin/user-new";
	}

	private static String field(KeyfobException ex) {
		if (ex.kind() == ErrorKind.CONFLICT) {
			return "userPrincipalName";
		}
		String message = ex.getMessage();
		for (String field : List.of("userPrincipalName", "displayName")) {
			if (message != null && message.contains(field)) {
				return field;
			}
		}
		return "password";
	}

	private static String message(KeyfobException ex) {
		if (ex.kind() == ErrorKind.CONFLICT) {
			return "Another user already has this user name. Choose another.";
		}
		// the directory's refusals of a new user say what to fix, in words for people
		return (ex.getMessage() != null) ? ex.getMessage() : "Check this value.";
	}

}
