package io.keyfob.portal.selfservice;

import java.util.List;

import io.keyfob.authmethod.HardwareOathMethod;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.portal.web.PortalUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * My Security Info: the signed-in user's sign-in methods, and where adding one starts.
 */
@Controller
@RequestMapping("/my-security-info")
final class SecurityInfoController {

	private final HardwareOathMethods methods;

	private final AuthenticationMethodsPolicy policy;

	SecurityInfoController(HardwareOathMethods methods, AuthenticationMethodsPolicy policy) {
		this.methods = methods;
		this.policy = policy;
	}

	@GetMapping
	String securityInfo(PortalUser me, Model model) {
		List<HardwareOathMethod> mine = this.methods.list(me.id());
		model.addAttribute("methods", mine);
		model.addAttribute("hardwareTokensEnabled", this.policy.isEnabledFor(me.id()));
		return "portal/selfservice/security-info";
	}

	@GetMapping("/add")
	String chooseMethod(PortalUser me, Model model) {
		model.addAttribute("hardwareTokensEnabled", this.policy.isEnabledFor(me.id()));
		return "portal/selfservice/add-method";
	}

}
