package io.keyfob.portal.admin;

import java.util.List;
import java.util.UUID;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.authmethod.MethodLock;
import io.keyfob.authmethod.TokenBlocking;
import io.keyfob.directory.Directory;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.FormProblems;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.shared.KeyfobException;
import io.keyfob.token.BlockReason;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenValidity;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One token of the inventory: what it is, who holds it, when it was last used, how far
 * its clock drifts and whether it is locked. Here an admin resets the drift, sets when
 * the token may be used, blocks and unblocks it and deletes a token nobody holds (after a
 * confirmation); unlock, resync and unassign are actions on the holder's method, which
 * this page links to.
 */
@Controller
@RequestMapping("/admin/inventory/{tokenId}")
final class AdminTokenController {

	private static final MethodLock NO_LOCK = MethodLock.NONE;

	private final TokenInventory inventory;

	private final HardwareOathMethods methods;

	private final Directory directory;

	private final TokenBlocking blocking;

	AdminTokenController(TokenInventory inventory, HardwareOathMethods methods, Directory directory,
			TokenBlocking blocking) {
		this.blocking = blocking;
		this.inventory = inventory;
		this.methods = methods;
		this.directory = directory;
	}

	@ModelAttribute("token")
	HardwareOathToken token(PortalUser me, @PathVariable UUID tokenId) {
		AdminAccess.require(me, AdminRight.READ_INVENTORY);
		return this.inventory.get(tokenId);
	}

	@GetMapping
	String token(@ModelAttribute("token") HardwareOathToken token, Model model) {
		if (token.assignedTo() != null) {
			model.addAttribute("holder", this.directory.findUser(token.assignedTo()).orElse(null));
		}
		if (token.block() != null && token.block().blockedByUserId() != null) {
			model.addAttribute("blocker", this.directory.findUser(token.block().blockedByUserId()).orElse(null));
		}
		model.addAttribute("lock", this.methods.locks(List.of(token.id())).getOrDefault(token.id(), NO_LOCK));
		if (!model.containsAttribute("validity")) {
			model.addAttribute("validity", ValidityForm.of(token.validity()));
			model.addAttribute("problems", new FormProblems());
		}
		model.addAttribute("validityHint", ValidityForm.HINT);
		return "portal/admin/token";
	}

	@PostMapping("/validity")
	String validity(PortalUser me, @ModelAttribute("token") HardwareOathToken token,
			@RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validUntil,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		ValidityForm form = new ValidityForm(validFrom, validUntil);
		FormProblems problems = new FormProblems();
		TokenValidity validity = form.read(problems);
		if (validity == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("validity", form);
			model.addAttribute("problems", problems);
			return token(token, model);
		}
		this.inventory.changeValidity(token.id(), validity);
		redirect.addFlashAttribute("notice", TokenValidity.ALWAYS.equals(validity)
				? "The token has no validity limits now." : "The token's validity is changed.");
		return "redirect:/admin/inventory/" + token.id();
	}

	@PostMapping("/reset-drift")
	String resetDrift(PortalUser me, @ModelAttribute("token") HardwareOathToken token, RedirectAttributes redirect) {
		AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		this.inventory.resetDrift(token.id());
		redirect.addFlashAttribute("notice", "The token's learned clock drift is reset to zero.");
		return "redirect:/admin/inventory/" + token.id();
	}

	@PostMapping("/block")
	String block(PortalUser me, @ModelAttribute("token") HardwareOathToken token,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		if (!me.can(AdminRight.MANAGE_METHODS)) {
			AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		}
		BlockReason why = BlockReason.fromGraphName(reason).orElse(null);
		if (why == null) {
			redirect.addFlashAttribute("problem", "Choose why the token is blocked: lost, stolen, broken or retired.");
			return "redirect:/admin/inventory/" + token.id();
		}
		try {
			this.blocking.block(actor(me), token.id(), why);
		}
		catch (KeyfobException ex) {
			redirect.addFlashAttribute("problem", "Authorization_RequestDenied".equals(ex.code())
					? "Its holder has an admin role: only a Privileged Authentication Administrator can block it."
					: "The token is blocked already.");
			return "redirect:/admin/inventory/" + token.id();
		}
		redirect.addFlashAttribute("notice", "The token is blocked as " + why.graphName()
				+ ". Its holder no longer signs in with it; give them a Temporary Access Pass until they have a new one.");
		return "redirect:/admin/inventory/" + token.id();
	}

	@PostMapping("/unblock")
	String unblock(PortalUser me, @ModelAttribute("token") HardwareOathToken token, RedirectAttributes redirect) {
		AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		try {
			this.blocking.unblock(actor(me), token.id());
		}
		catch (KeyfobException ex) {
			redirect.addFlashAttribute("problem", "The token is not blocked.");
			return "redirect:/admin/inventory/" + token.id();
		}
		redirect.addFlashAttribute("notice", "The token is unblocked and available in the inventory again.");
		return "redirect:/admin/inventory/" + token.id();
	}

	// inventory managers act on the inventory, where the target rule does not apply
	private static Actor actor(PortalUser me) {
		return Actor.administrator(me.id(), null, me.privileged() || me.can(AdminRight.MANAGE_INVENTORY));
	}

	@GetMapping("/delete")
	String deleteForm(PortalUser me, Model model) {
		AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		model.addAttribute("action", "delete");
		return "portal/admin/token-confirm";
	}

	@PostMapping("/delete")
	String delete(PortalUser me, @ModelAttribute("token") HardwareOathToken token, RedirectAttributes redirect) {
		AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		try {
			this.inventory.delete(token.id());
		}
		catch (KeyfobException ex) {
			redirect.addFlashAttribute("problem", "Only a token that nobody holds can be deleted. Unassign it first.");
			return "redirect:/admin/inventory/" + token.id();
		}
		redirect.addFlashAttribute("notice",
				"The token with serial number " + token.serialNumber() + " is deleted, its seed with it.");
		return "redirect:/admin/inventory";
	}

}
