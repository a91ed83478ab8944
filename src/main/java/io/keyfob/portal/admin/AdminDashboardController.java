package io.keyfob.portal.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.token.TokenCriterion;
import io.keyfob.token.TokenField;
import io.keyfob.token.TokenHousekeeping;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenQuery;
import io.keyfob.token.TokenStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin center's first page: how many tokens are in each status, whether the policy
 * is on, what needs looking after (tokens expiring soon, blocked tokens, Temporary Access
 * Passes in use), and the activity of the last 30 days.
 */
@Controller
final class AdminDashboardController {

	private final TokenInventory inventory;

	private final AuthenticationMethodsPolicy policy;

	private final ActivityHistory activity;

	private final TokenHousekeeping housekeeping;

	private final TemporaryAccessPasses passes;

	AdminDashboardController(TokenInventory inventory, AuthenticationMethodsPolicy policy, ActivityHistory activity,
			TokenHousekeeping housekeeping, TemporaryAccessPasses passes) {
		this.inventory = inventory;
		this.policy = policy;
		this.activity = activity;
		this.housekeeping = housekeeping;
		this.passes = passes;
	}

	@GetMapping("/admin")
	String dashboard(PortalUser me, Model model) {
		AdminAccess.requireAdmin(me);
		if (me.can(AdminRight.READ_INVENTORY)) {
			Map<TokenStatus, Long> counts = new LinkedHashMap<>();
			long total = 0;
			for (TokenStatus status : TokenStatus.values()) {
				long count = count(status);
				counts.put(status, count);
				total += count;
			}
			model.addAttribute("counts", counts);
			model.addAttribute("total", total);
			model.addAttribute("housekeeping", this.housekeeping.summary());
		}
		if (me.can(AdminRight.READ_METHODS)) {
			model.addAttribute("passesInUse", this.passes.inUse());
		}
		if (me.can(AdminRight.READ_POLICY)) {
			model.addAttribute("policyEnabled",
					this.policy.hardwareOath().state() == AuthenticationMethodState.ENABLED);
		}
		if (me.can(AdminRight.READ_AUDIT)) {
			model.addAttribute("activity", this.activity.lastDays(ActivityHistory.DAYS));
		}
		return "portal/admin/dashboard";
	}

	private long count(TokenStatus status) {
		Long count = this.inventory
			.list(new TokenQuery(TokenCriterion.eq(TokenField.STATUS, status), false, 1, null, true))
			.count();
		return (count != null) ? count : 0;
	}

}
