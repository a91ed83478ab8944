package io.keyfob.portal.admin;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.FormProblems;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.radius.CreatedRadiusClient;
import io.keyfob.radius.NewRadiusClient;
import io.keyfob.radius.RadiusClients;
import io.keyfob.shared.KeyfobException;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * RADIUS clients (NAS) in the admin center: list, register (the page that answers shows
 * the shared secret once, and is never cached or put in the session), delete. Rights as
 * for app registrations.
 */
@Controller
@RequestMapping("/admin/radius-clients")
final class AdminRadiusClientsController {

	private final RadiusClients clients;

	AdminRadiusClientsController(RadiusClients clients) {
		this.clients = clients;
	}

	@GetMapping
	String list(PortalUser me, Model model) {
		AdminAccess.require(me, AdminRight.READ_RADIUS_CLIENTS);
		model.addAttribute("clients", this.clients.list());
		return "portal/admin/radius-clients";
	}

	@GetMapping("/new")
	String form(PortalUser me, Model model) {
		AdminAccess.require(me, AdminRight.MANAGE_RADIUS_CLIENTS);
		model.addAttribute("problems", new FormProblems());
		model.addAttribute("mode", "passwordAndCode");
		model.addAttribute("requireMessageAuthenticator", true);
		return "portal/admin/radius-client-new";
	}

	@PostMapping("/new")
	String create(PortalUser me, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String mode,
			@RequestParam(defaultValue = "false") boolean requireMessageAuthenticator,
			@RequestParam(defaultValue = "false") boolean stripRealm,
			@RequestParam(defaultValue = "") String appendRealm, Model model, HttpServletResponse response) {
		AdminAccess.require(me, AdminRight.MANAGE_RADIUS_CLIENTS);
		FormProblems problems = new FormProblems();
		try {
			CreatedRadiusClient created = this.clients.register(new NewRadiusClient(displayName, address, mode,
					requireMessageAuthenticator, stripRealm, appendRealm));
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute("created", created);
			return "portal/admin/radius-client-created";
		}
		catch (KeyfobException ex) {
			problems.add(field(ex.getMessage()), ex.getMessage());
		}
		model.addAttribute("problems", problems);
		model.addAttribute("displayName", displayName);
		model.addAttribute("address", address);
		model.addAttribute("mode", mode);
		model.addAttribute("requireMessageAuthenticator", requireMessageAuthenticator);
		model.addAttribute("stripRealm", stripRealm);
		model.addAttribute("appendRealm", appendRealm);
		return "portal/admin/radius-client-new";
	}

	@PostMapping("/{id}/delete")
	String delete(PortalUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		AdminAccess.require(me, AdminRight.MANAGE_RADIUS_CLIENTS);
		try {
			this.clients.delete(id);
			redirect.addFlashAttribute("notice", "Deleted. Requests from that NAS are dropped from now on.");
		}
		catch (KeyfobException ex) {
			redirect.addFlashAttribute("notice", "That RADIUS client was already deleted.");
		}
		return "redirect:/admin/radius-clients";
	}

	private static String field(String message) {
		// the module's messages name the property they are about
		for (String name : new String[] { "displayName", "address", "mode", "appendRealm" }) {
			if (message.contains("'" + name + "'")) {
				return name;
			}
		}
		return "displayName";
	}

}
