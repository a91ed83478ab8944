package io.keyfob.shared;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Text that every supported database stores as it was sent. PostgreSQL refuses U+0000 in
 * text, and an unpaired UTF-16 surrogate is no character at all (it cannot be encoded in
 * UTF-8); H2 would keep both silently. Input is checked at the edge (request parameters,
 * JSON bodies, CSV rows, PSKC files) so neither reaches the database.
 */
public final class StorableText {

	private StorableText() {
	}

	/**
	 * What makes a text unstorable, in words for the person who sent it.
	 * @param text the text
	 * @return such as {@code "a NUL character (U+0000)"}, or {@code null} if the text is
	 * fine
	 */
	public static @Nullable String problem(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return "a NUL character (U+0000)";
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return unpairedSurrogate(c);
			}
		}
		return null;
	}

	/**
	 * Names an unpaired surrogate for a message.
	 * @param c the surrogate
	 * @return such as {@code "an unpaired surrogate (U+D800)"}
	 */
	public static String unpairedSurrogate(int c) {
		return String.format(Locale.ROOT, "an unpaired surrogate (U+%04X)", c);
	}

	/**
	 * Whether a text may be stored.
	 * @param text the text
	 * @return {@code true} if it has neither U+0000 nor an unpaired surrogate
	 */
	public static boolean storable(CharSequence text) {
		return problem(text) == null;
	}

}
