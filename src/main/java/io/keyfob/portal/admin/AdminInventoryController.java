package io.keyfob.portal.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.filter.Filter;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenCriterion;
import io.keyfob.token.TokenField;
import io.keyfob.token.TokenHousekeeping;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenPage;
import io.keyfob.token.TokenQuery;
import io.keyfob.token.TokenStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The token inventory: search by serial number (prefix), by the user holding the token
 * (sign-in name) or by manufacturer, filter by status, and page through in serial number
 * order (keyset paging, so page 1,000 costs what page 1 does). With htmx the search
 * updates only the results; without it the form reloads the page. The housekeeping views
 * ({@code show=expiring}, {@code expired}, {@code blocked}, {@code lost}, {@code stolen},
 * {@code broken}, {@code retired}) list the tokens that need attention instead.
 */
@Controller
final class AdminInventoryController {

	static final int PAGE_SIZE = 25;

	private final TokenInventory inventory;

	private final Directory directory;

	private final TokenHousekeeping housekeeping;

	AdminInventoryController(TokenInventory inventory, Directory directory, TokenHousekeeping housekeeping) {
		this.inventory = inventory;
		this.directory = directory;
		this.housekeeping = housekeeping;
	}

	@GetMapping("/admin/inventory")
	String inventory(PortalUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String status, @RequestParam(required = false) @Nullable String after,
			@RequestParam(defaultValue = "") String show,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		AdminAccess.require(me, AdminRight.READ_INVENTORY);
		model.addAttribute("views", TokenHousekeeping.View.values());
		Optional<TokenHousekeeping.View> view = view(show);
		if (view.isPresent()) {
			// a housekeeping view lists what needs attention, without search or paging
			List<HardwareOathToken> tokens = this.housekeeping.list(view.get());
			model.addAttribute("q", "");
			model.addAttribute("status", "");
			model.addAttribute("show", show.strip().toLowerCase(Locale.ROOT));
			model.addAttribute("statuses", TokenStatus.values());
			model.addAttribute("page", new TokenPage(tokens, null, (long) tokens.size()));
			model.addAttribute("paged", false);
			model.addAttribute("holders", holders(tokens));
			return (htmx != null) ? "portal/admin/inventory :: results" : "portal/admin/inventory";
		}
		model.addAttribute("show", "");
		String search = q.strip();
		Optional<TokenStatus> wanted = TokenStatus.fromGraphName(status);
		TokenPage page;
		try {
			page = this.inventory.list(new TokenQuery(criterion(search, wanted.orElse(null)), false, PAGE_SIZE,
					(after != null && !after.isBlank()) ? after : null, true));
		}
		catch (KeyfobException | IllegalArgumentException ex) {
			// a cursor that was edited or outlived its filter: start from the first page
			page = this.inventory
				.list(new TokenQuery(criterion(search, wanted.orElse(null)), false, PAGE_SIZE, null, true));
		}
		model.addAttribute("q", search);
		model.addAttribute("status", wanted.map(TokenStatus::graphName).orElse(""));
		model.addAttribute("statuses", TokenStatus.values());
		model.addAttribute("page", page);
		model.addAttribute("paged", after != null && !after.isBlank());
		model.addAttribute("holders", holders(page.tokens()));
		return (htmx != null) ? "portal/admin/inventory :: results" : "portal/admin/inventory";
	}

	private static Optional<TokenHousekeeping.View> view(String show) {
		String wanted = show.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(TokenHousekeeping.View.values()).filter((v) -> v.name().equals(wanted)).findFirst();
	}

	private @Nullable Filter criterion(String search, @Nullable TokenStatus status) {
		List<Filter> all = new ArrayList<>();
		if (!search.isEmpty()) {
			List<Filter> any = new ArrayList<>();
			any.add(TokenCriterion.serialNumberStartsWith(search));
			any.add(TokenCriterion.eq(TokenField.MANUFACTURER, search));
			holder(search).ifPresent((user) -> any.add(TokenCriterion.eq(TokenField.ASSIGNED_TO, user.id())));
			all.add(TokenCriterion.any(any));
		}
		if (status != null) {
			all.add(TokenCriterion.eq(TokenField.STATUS, status));
		}
		return switch (all.size()) {
			case 0 -> null;
			case 1 -> all.get(0);
			default -> TokenCriterion.all(all);
		};
	}

	private Optional<User> holder(String search) {
		return search.contains("@") ? this.directory.findUserByPrincipalName(search) : Optional.empty();
	}

	private Map<UUID, String> holders(List<HardwareOathToken> tokens) {
		List<UUID> ids = tokens.stream().map(HardwareOathToken::assignedTo).filter(Objects::nonNull).toList();
		return ids.isEmpty() ? Map.of() : this.directory.displayNames(ids);
	}

}
