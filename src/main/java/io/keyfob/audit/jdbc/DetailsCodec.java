package io.keyfob.audit.jdbc;

import java.util.ArrayList;
import java.util.List;

import io.keyfob.audit.AuditDetail;
import org.jspecify.annotations.Nullable;

/**
 * Stores an entry's details in one text column: one {@code key<TAB>value} pair a line,
 * with backslash, tab and newline escaped.
 */
final class DetailsCodec {

	private DetailsCodec() {
	}

	static @Nullable String encode(List<AuditDetail> details) {
		if (details.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (AuditDetail detail : details) {
			if (!text.isEmpty()) {
				text.append('\n');
			}
			escape(detail.key(), text);
			text.append('\t');
			escape(detail.value(), text);
		}
		return text.toString();
	}

	static List<AuditDetail> decode(@Nullable String text) {
		List<AuditDetail> details = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return details;
		}
		for (String line : text.split("\n", -1)) {
			int tab = line.indexOf('\t');
			if (tab < 0) {
				details.add(new AuditDetail(unescape(line), ""));
			}
			else {
				details.add(new AuditDetail(unescape(line.substring(0, tab)), unescape(line.substring(tab + 1))));
			}
		}
		return details;
	}

	private static void escape(String value, StringBuilder out) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				default -> out.append(c);
			}
		}
	}

	private static String unescape(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				out.append(switch (next) {
					case 't' -> '\t';
					case 'n' -> '\n';
					default -> next;
				});
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
