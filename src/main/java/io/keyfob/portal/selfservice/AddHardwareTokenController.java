package io.keyfob.portal.selfservice;

import java.util.Optional;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathActivations;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.portal.web.Codes;
import io.keyfob.portal.web.FormProblems;
import io.keyfob.portal.web.MethodProblems;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.portal.web.Problem;
import io.keyfob.shared.KeyfobException;
import io.keyfob.signin.CodeFactor;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenStatus;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adds a hardware token as Entra's Security Info does: serial number, then a name, then
 * the code the token shows. Each step is a form of its own that checks what it can and
 * says what is wrong next to the field; the serial number and name travel from step to
 * step in the address and in hidden fields, so any node can serve any step. The last step
 * claims and activates the token in one call ({@code assignAndActivateBySerialNumber}).
 */
@Controller
@RequestMapping("/my-security-info/add/hardware-token")
final class AddHardwareTokenController {

	static final int MAX_SERIAL_LENGTH = 64;

	static final int MAX_NAME_LENGTH = 100;

	private static final String BASE = "/my-security-info/add/hardware-token";

	private final HardwareOathActivations activations;

	private final TokenInventory inventory;

	private final AuthenticationMethodsPolicy policy;

	/**
	 * The error code of a first code far from our clock, which the next code completes.
	 */
	static final String ADDITIONAL_CODE = "additionalCodeRequired";

	private final MethodProblems explain;

	private final CodeFactor codeFactor;

	AddHardwareTokenController(HardwareOathActivations activations, TokenInventory inventory,
			AuthenticationMethodsPolicy policy, MethodProblems explain, CodeFactor codeFactor) {
		this.activations = activations;
		this.inventory = inventory;
		this.policy = policy;
		this.explain = explain;
		this.codeFactor = codeFactor;
	}

	@GetMapping
	String serialStep(PortalUser me, Model model) {
		if (!this.policy.isEnabledFor(me.id())) {
			return "redirect:/my-security-info/add";
		}
		return serialForm(model, "", new FormProblems());
	}

	@PostMapping("/serial")
	String checkSerial(PortalUser me, @RequestParam(defaultValue = "") String serialNumber, Model model,
			RedirectAttributes redirect) {
		String serial = serialNumber.strip();
		FormProblems problems = serialProblems(me, serial);
		if (!problems.isEmpty()) {
			return serialForm(model, serial, problems);
		}
		// carry the serial number as the inventory spells it
		redirect.addAttribute("serial",
				this.inventory.findBySerialNumber(serial).map(HardwareOathToken::serialNumber).orElse(serial));
		return "redirect:" + BASE + "/name";
	}

	@GetMapping("/name")
	String nameStep(PortalUser me, @RequestParam(name = "serial", defaultValue = "") String serial, Model model) {
		FormProblems problems = serialProblems(me, serial);
		if (!problems.isEmpty()) {
			return serialForm(model, serial, problems);
		}
		return nameForm(model, serial, "", new FormProblems());
	}

	@PostMapping("/name")
	String checkName(PortalUser me, @RequestParam(defaultValue = "") String serialNumber,
			@RequestParam(defaultValue = "") String displayName, Model model, RedirectAttributes redirect) {
		String name = displayName.strip();
		FormProblems problems = nameProblems(name);
		if (!problems.isEmpty()) {
			return nameForm(model, serialNumber, name, problems);
		}
		redirect.addAttribute("serial", serialNumber);
		redirect.addAttribute("name", name);
		return "redirect:" + BASE + "/code";
	}

	@GetMapping("/code")
	String codeStep(PortalUser me, @RequestParam(name = "serial", defaultValue = "") String serial,
			@RequestParam(name = "name", defaultValue = "") String name, Model model) {
		FormProblems problems = serialProblems(me, serial);
		if (!problems.isEmpty()) {
			return serialForm(model, serial, problems);
		}
		if (!nameProblems(name).isEmpty()) {
			return nameForm(model, serial, name, nameProblems(name));
		}
		return codeForm(model, serial, name, false, new FormProblems());
	}

	@PostMapping("/code")
	String claim(PortalUser me, @RequestParam(defaultValue = "") String serialNumber,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "false") boolean nextCode, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		FormProblems shape = Codes.check(code, "code");
		if (!shape.isEmpty()) {
			return codeForm(model, serialNumber, displayName, nextCode, shape);
		}
		try {
			this.activations.assignAndActivateBySerialNumber(Actor.self(me.id(), null), me.id(), serialNumber,
					code.strip(), displayName.isBlank() ? null : displayName.strip());
		}
		catch (KeyfobException ex) {
			Problem problem = this.explain.explain(ex, "code", true);
			if (MethodProblems.SERIAL.equals(problem.field())) {
				return serialForm(model, serialNumber, new FormProblems().add(problem));
			}
			// a token whose clock is far off needs its next code too: an expected step,
			// no error
			boolean next = ADDITIONAL_CODE.equals(ex.code());
			return codeForm(model, serialNumber, displayName, next,
					next ? new FormProblems() : new FormProblems().add(problem));
		}
		// the code just proved the token in hand, as the code step of signing in does
		this.codeFactor.grant(authentication, request, response);
		redirect.addAttribute("serial", serialNumber);
		return "redirect:" + BASE + "/done";
	}

	@GetMapping("/done")
	String done(PortalUser me, @RequestParam(name = "serial", defaultValue = "") String serial, Model model) {
		Optional<HardwareOathToken> token = this.inventory.findBySerialNumber(serial)
			.filter((t) -> me.id().equals(t.assignedTo()));
		if (token.isEmpty()) {
			return "redirect:/my-security-info";
		}
		model.addAttribute("token", token.get());
		model.addAttribute("step", 4);
		return "portal/selfservice/add-done";
	}

	/**
	 * The checks the serial number step can make before a code is typed. An unknown
	 * serial number and a token someone else holds get the same answer; a blocked token
	 * (lost, stolen, broken, retired) is refused here, before a code is asked.
	 */
	private FormProblems serialProblems(PortalUser me, String serial) {
		FormProblems problems = new FormProblems();
		if (!this.policy.isEnabledFor(me.id())) {
			return problems.add(Problem
				.general("Your organisation has not turned on hardware tokens for your account. Ask your helpdesk."));
		}
		if (serial.isEmpty()) {
			return problems.add(MethodProblems.SERIAL, "Enter the serial number printed on the back of your token.");
		}
		if (serial.length() > MAX_SERIAL_LENGTH) {
			return problems.add(MethodProblems.SERIAL, "A serial number has at most " + MAX_SERIAL_LENGTH
					+ " characters. Check the number on the back of your token.");
		}
		Optional<HardwareOathToken> token = this.inventory.findBySerialNumber(serial);
		if (token.isPresent() && me.id().equals(token.get().assignedTo())
				&& token.get().status() == TokenStatus.ACTIVATED) {
			return problems.add(MethodProblems.SERIAL, "This token is already one of your sign-in methods.");
		}
		if (token.isPresent() && token.get().status() == TokenStatus.BLOCKED) {
			// a finder learns only that this token is not theirs to add: not why, nor
			// whose
			return problems.add(MethodProblems.SERIAL, MethodProblems.BLOCKED_FOR_SELF);
		}
		if (token.isEmpty() || (token.get().assignedTo() != null && !me.id().equals(token.get().assignedTo()))) {
			return problems.add(MethodProblems.SERIAL,
					"No available token has this serial number. Check the number on the back of your token, "
							+ "or ask your helpdesk.");
		}
		return problems;
	}

	private static FormProblems nameProblems(String name) {
		FormProblems problems = new FormProblems();
		if (name.isBlank()) {
			problems.add("displayName", "Enter a name, so you can tell your sign-in methods apart.");
		}
		else if (name.length() > MAX_NAME_LENGTH) {
			problems.add("displayName", "Use at most " + MAX_NAME_LENGTH + " characters.");
		}
		return problems;
	}

	private static String serialForm(Model model, String serial, FormProblems problems) {
		model.addAttribute("serialNumber", serial);
		model.addAttribute("problems", problems);
		model.addAttribute("step", 1);
		return "portal/selfservice/add-serial";
	}

	private static String nameForm(Model model, String serial, String name, FormProblems problems) {
		model.addAttribute("serialNumber", serial);
		model.addAttribute("displayName", name);
		model.addAttribute("problems", problems);
		model.addAttribute("step", 2);
		return "portal/selfservice/add-name";
	}

	private static String codeForm(Model model, String serial, String name, boolean nextCode, FormProblems problems) {
		model.addAttribute("serialNumber", serial);
		model.addAttribute("displayName", name);
		model.addAttribute("nextCode", nextCode);
		model.addAttribute("problems", problems);
		model.addAttribute("step", 3);
		return "portal/selfservice/add-code";
	}

}
