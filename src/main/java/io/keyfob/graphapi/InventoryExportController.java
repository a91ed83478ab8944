package io.keyfob.graphapi;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import io.keyfob.directory.Directory;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenPage;
import io.keyfob.token.TokenQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole token inventory as CSV, for audits: {@code GET /api/v1/inventory/export}.
 * Never a secret. Written page by page in serial number order as it is read, so memory
 * stays flat however large the inventory.
 */
@RestController
class InventoryExportController {

	static final String PATH = "/api/v1/inventory/export";

	static final String HEADER = "serial number,manufacturer,model,display name,type,hash function,digits,"
			+ "time interval,status,assigned to,assigned to name,created,last used\r\n";

	private static final int PAGE = TokenQuery.MAX_LIMIT;

	private final TokenInventory inventory;

	private final Directory directory;

	InventoryExportController(TokenInventory inventory, Directory directory) {
		this.inventory = inventory;
		this.directory = directory;
	}

	@GetMapping(PATH)
	@PreAuthorize(HardwareOathDevicesController.READ)
	void export(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"keyfob-inventory.csv\"");
		Writer out = response.getWriter();
		out.write(HEADER);
		TokenQuery query = TokenQuery.firstPage(PAGE);
		while (query != null) {
			TokenPage page = this.inventory.list(query);
			write(out, page.tokens());
			query = query.next(page);
		}
		out.flush();
	}

	private void write(Writer out, List<HardwareOathToken> tokens) throws IOException {
		List<UUID> users = tokens.stream().map(HardwareOathToken::assignedTo).filter(Objects::nonNull).toList();
		Map<UUID, String> names = users.isEmpty() ? Map.of() : this.directory.displayNames(users);
		StringBuilder rows = new StringBuilder();
		for (HardwareOathToken token : tokens) {
			UUID user = token.assignedTo();
			row(rows, token.serialNumber(), token.manufacturer(), token.model(), token.displayName(),
					token.otpType().graphName(), token.hashFunction().graphName(), String.valueOf(token.digits()),
					text(token.timeIntervalSeconds()), token.status().graphName(), text(user),
					(user != null) ? names.get(user) : null, text(token.createdDateTime()),
					text(token.lastUsedDateTime()));
		}
		out.write(rows.toString());
	}

	private static void row(StringBuilder rows, @Nullable String... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				rows.append(',');
			}
			rows.append(cell(cells[i]));
		}
		rows.append("\r\n");
	}

	/**
	 * One cell (RFC 4180): quoted when it holds a comma, quote or line break. A text that
	 * a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV
	 * injection).
	 */
	static String cell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}
