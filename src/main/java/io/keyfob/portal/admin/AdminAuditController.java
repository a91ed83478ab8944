package io.keyfob.portal.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.keyfob.audit.AuditCursor;
import io.keyfob.audit.AuditEntry;
import io.keyfob.audit.AuditKind;
import io.keyfob.audit.AuditLog;
import io.keyfob.audit.AuditPage;
import io.keyfob.audit.AuditQuery;
import io.keyfob.audit.AuditResult;
import io.keyfob.audit.AuditTarget;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenInventory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log and the sign-in log, newest first, filtered by who did it (a user name or
 * a client id), what was acted on (a user name, a serial number or an id), the action
 * (words of its name), the result and the days. Names are turned into ids here, so an
 * admin never needs to know one.
 */
@Controller
final class AdminAuditController {

	static final int PAGE_SIZE = 50;

	/** How many entries one page may read to find matches of the action words. */
	static final int MAX_SCANNED = 2_000;

	private final AuditLog audit;

	private final Directory directory;

	private final TokenInventory inventory;

	AdminAuditController(AuditLog audit, Directory directory, TokenInventory inventory) {
		this.audit = audit;
		this.directory = directory;
		this.inventory = inventory;
	}

	@GetMapping("/admin/audit")
	String audit(PortalUser me, @RequestParam(defaultValue = "changes") String log,
			@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String target,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String result,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(required = false) @Nullable String after, Model model) {
		AdminAccess.require(me, AdminRight.READ_AUDIT);
		AuditKind kind = "signins".equals(log) ? AuditKind.SIGN_IN : AuditKind.DIRECTORY_AUDIT;
		AuditQuery.Builder query = AuditQuery.of(kind);
		List<String> problems = new ArrayList<>();
		if (!actor.isBlank()) {
			query.initiatorId(userId(actor.strip()).orElse(actor.strip()));
		}
		if (!target.isBlank()) {
			query.targetId(targetId(target.strip()));
		}
		AuditResult.fromGraphName(result).ifPresent(query::result);
		day(from, "From", problems).ifPresent((day) -> query.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
		day(to, "To", problems)
			.ifPresent((day) -> query.to(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000)));
		query.after((after != null) ? AuditCursor.decode(after).orElse(null) : null);
		Found found = find(query, action.strip().toLowerCase(Locale.ROOT));
		model.addAttribute("log", (kind == AuditKind.SIGN_IN) ? "signins" : "changes");
		model.addAttribute("actor", actor);
		model.addAttribute("target", target);
		model.addAttribute("action", action);
		model.addAttribute("result", result);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("entries", found.entries());
		model.addAttribute("names", names(found.entries()));
		model.addAttribute("next", (found.next() != null) ? found.next().encode() : null);
		model.addAttribute("paged", after != null && !after.isBlank());
		model.addAttribute("problems", problems);
		return "portal/admin/audit";
	}

	/**
	 * One page of matches; the audit log filters everything but the action words, which
	 * are matched here over at most {@value #MAX_SCANNED} entries.
	 */
	private Found find(AuditQuery.Builder query, String words) {
		List<AuditEntry> matches = new ArrayList<>();
		int scanned = 0;
		AuditPage page = this.audit.page(query.limit(words.isEmpty() ? PAGE_SIZE : 200).build());
		while (true) {
			for (AuditEntry entry : page.entries()) {
				scanned++;
				if (words.isEmpty() || entry.activity().toLowerCase(Locale.ROOT).contains(words)) {
					matches.add(entry);
					if (matches.size() == PAGE_SIZE) {
						boolean more = page.next() != null || page.entries().indexOf(entry) < page.entries().size() - 1;
						return new Found(matches, more ? new AuditCursor(entry.activityDateTime(), entry.id()) : null);
					}
				}
			}
			if (page.next() == null) {
				return new Found(matches, null);
			}
			if (scanned >= MAX_SCANNED) {
				return new Found(matches, page.next());
			}
			page = this.audit.page(query.after(page.next()).build());
		}
	}

	/**
	 * What to show for the targets that the log names by id only: users by their names,
	 * tokens by their serial numbers.
	 */
	private Map<String, String> names(List<AuditEntry> entries) {
		Map<String, String> names = new HashMap<>();
		Set<UUID> users = new HashSet<>();
		for (AuditEntry entry : entries) {
			for (AuditTarget target : entry.targets()) {
				Optional<UUID> id = uuid(target.id());
				if (target.displayName() != null || id.isEmpty()) {
					continue;
				}
				if (AuditTarget.USER.equals(target.type())) {
					users.add(id.get());
				}
				else if (AuditTarget.DEVICE.equals(target.type()) && !names.containsKey(target.id())) {
					this.inventory.find(id.get())
						.ifPresent((token) -> names.put(target.id(), "token " + token.serialNumber()));
				}
			}
		}
		if (!users.isEmpty()) {
			this.directory.displayNames(users).forEach((id, name) -> names.put(id.toString(), name));
		}
		return names;
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private Optional<String> userId(String nameOrId) {
		return nameOrId.contains("@")
				? this.directory.findUserByPrincipalName(nameOrId).map(User::id).map(Object::toString)
				: Optional.empty();
	}

	private String targetId(String text) {
		return userId(text).orElseGet(() -> this.inventory.findBySerialNumber(text)
			.map(HardwareOathToken::id)
			.map(Object::toString)
			.orElse(text));
	}

	private static Optional<LocalDate> day(String text, String label, List<String> problems) {
		if (text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			problems.add(label + ": enter a date such as 2026-11-26.");
			return Optional.empty();
		}
	}

	private record Found(List<AuditEntry> entries, @Nullable AuditCursor next) {
	}

}
