package io.keyfob.graphapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.audit.AuditCursor;
import io.keyfob.audit.AuditEntry;
import io.keyfob.audit.AuditKind;
import io.keyfob.audit.AuditLog;
import io.keyfob.audit.AuditPage;
import io.keyfob.audit.AuditQuery;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.filter.FilterParser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Graph's audit logs ({@code /beta/auditLogs}): {@code directoryAudits} and
 * {@code signIns}, newest first, with {@code $filter}, {@code $top} (1 to 999, default
 * 100) and keyset paging through {@code @odata.nextLink}. Reading needs
 * {@code AuditLog.Read.All}.
 */
@RestController
@RequestMapping(AuditLogsController.PATH)
class AuditLogsController {

	static final String PATH = "/beta/auditLogs";

	static final String READ = "hasAuthority('AuditLog.Read.All')";

	private final AuditLog auditLog;

	AuditLogsController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/directoryAudits")
	@PreAuthorize(READ)
	@QueryOptions({ "filter", "top", "skiptoken" })
	Map<String, @Nullable Object> directoryAudits(@RequestParam Map<String, String> parameters) {
		return list(AuditKind.DIRECTORY_AUDIT, "directoryAudits", parameters);
	}

	@GetMapping("/directoryAudits/{id}")
	@PreAuthorize(READ)
	Map<String, @Nullable Object> directoryAudit(@PathVariable String id) {
		return one(AuditKind.DIRECTORY_AUDIT, "directoryAudits", id);
	}

	@GetMapping("/signIns")
	@PreAuthorize(READ)
	@QueryOptions({ "filter", "top", "skiptoken" })
	Map<String, @Nullable Object> signIns(@RequestParam Map<String, String> parameters) {
		return list(AuditKind.SIGN_IN, "signIns", parameters);
	}

	@GetMapping("/signIns/{id}")
	@PreAuthorize(READ)
	Map<String, @Nullable Object> signIn(@PathVariable String id) {
		return one(AuditKind.SIGN_IN, "signIns", id);
	}

	private Map<String, @Nullable Object> list(AuditKind kind, String segment, Map<String, String> parameters) {
		AuditQuery.Builder query = AuditQuery.of(kind).limit(top(parameters.get("$top")));
		String filter = parameters.get("$filter");
		if (filter != null) {
			query.filter(FilterParser.parse(filter, AuditQuery.schema(kind)));
		}
		String skipToken = parameters.get("$skiptoken");
		if (skipToken != null) {
			query.after(AuditCursor.decode(skipToken)
				.orElseThrow(() -> GraphRequestException
					.badQuery("$skiptoken is not one Keyfob issued; follow the @odata.nextLink of each response")));
		}
		AuditPage page = this.auditLog.page(query.build());
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context", context(segment));
		List<Map<String, @Nullable Object>> value = page.entries()
			.stream()
			.map((entry) -> represent(kind, entry))
			.toList();
		body.put("value", value);
		if (page.next() != null) {
			body.put("@odata.nextLink",
					ServletUriComponentsBuilder.fromCurrentRequest()
						.replaceQueryParam("$skiptoken", page.next().encode())
						.build()
						.toUriString());
		}
		return body;
	}

	private Map<String, @Nullable Object> one(AuditKind kind, String segment, String id) {
		AuditEntry entry = parse(id).flatMap((uuid) -> this.auditLog.find(kind, uuid))
			.orElseThrow(() -> new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound",
					"No " + ((kind == AuditKind.SIGN_IN) ? "sign-in" : "audit entry") + " has id '" + id
							+ "'. List the log to find the entry's id."));
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context", context(segment) + "/$entity");
		body.putAll(represent(kind, entry));
		return body;
	}

	private static Map<String, @Nullable Object> represent(AuditKind kind, AuditEntry entry) {
		return (kind == AuditKind.SIGN_IN) ? AuditRepresentation.signIn(entry)
				: AuditRepresentation.directoryAudit(entry);
	}

	private static int top(@Nullable String top) {
		if (top == null) {
			return 100;
		}
		try {
			int value = Integer.parseInt(top.strip());
			if (value >= 1 && value <= AuditQuery.MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw GraphRequestException.badQuery("$top must be a whole number from 1 to " + AuditQuery.MAX_LIMIT);
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String context(String segment) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/beta/$metadata").toUriString()
				+ "#auditLogs/" + segment;
	}

}
