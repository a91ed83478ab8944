package io.keyfob.graphapi;

import io.keyfob.shared.StorableText;
import org.jspecify.annotations.Nullable;

/**
 * Finds unstorable text (see {@link StorableText}) in a JSON body while it streams past,
 * byte by byte, without holding it: the escape {@code \u0000}, an escaped surrogate that
 * is not part of a pair, a raw NUL byte, or a surrogate encoded straight into UTF-8. An
 * escaped backslash ({@code \\}) is skipped, so {@code "\\u0000"} (a backslash and five
 * letters) passes. Syntax errors are left to the JSON parser.
 */
final class JsonTextCheck {

	private enum State {

		TEXT, RAW_ED, ESCAPE, HEX, AFTER_HIGH, AFTER_HIGH_ESCAPE

	}

	private State state = State.TEXT;

	private int digits;

	private int value;

	private boolean expectLow;

	private int high;

	private @Nullable String problem;

	/**
	 * Take the next byte.
	 * @param b the byte, 0 to 255
	 * @return {@code false} once unstorable text was seen
	 */
	boolean accept(int b) {
		if (this.problem != null) {
			return false;
		}
		switch (this.state) {
			case TEXT -> text(b);
			case RAW_ED ->
				this.state = (b >= 0xA0 && b <= 0xBF) ? fail(StorableText.unpairedSurrogate(0xD800)) : State.TEXT;
			case ESCAPE -> escape(b);
			case HEX -> hex(b);
			case AFTER_HIGH -> this.state = (b == '\\') ? State.AFTER_HIGH_ESCAPE : lone();
			case AFTER_HIGH_ESCAPE -> this.state = (b == 'u') ? startHex() : lone();
		}
		return this.problem == null;
	}

	/**
	 * At the end of the body: a high surrogate still waiting for its pair is unpaired.
	 * @return what is wrong, or {@code null}
	 */
	@Nullable String problemAtEnd() {
		if (this.problem == null && this.expectLow) {
			lone();
		}
		return this.problem;
	}

	private void text(int b) {
		if (b == '\\') {
			this.state = State.ESCAPE;
		}
		else if (b == 0) {
			fail("a NUL character (U+0000)");
		}
		else if (b == 0xED) {
			// UTF-8 lead byte of U+D000 to U+DFFF; a second byte from A0 is a surrogate
			this.state = State.RAW_ED;
		}
	}

	private void escape(int b) {
		this.state = (b == 'u') ? startHex() : State.TEXT;
	}

	private State startHex() {
		this.digits = 0;
		this.value = 0;
		return State.HEX;
	}

	private void hex(int b) {
		int digit = Character.digit(b, 16);
		if (digit < 0) {
			this.state = State.TEXT;
			return;
		}
		this.value = this.value * 16 + digit;
		if (++this.digits < 4) {
			return;
		}
		if (this.expectLow) {
			this.expectLow = false;
			this.state = Character.isLowSurrogate((char) this.value) ? State.TEXT : lone();
		}
		else if (this.value == 0) {
			this.state = fail("a NUL character (U+0000)");
		}
		else if (Character.isHighSurrogate((char) this.value)) {
			this.expectLow = true;
			this.high = this.value;
			this.state = State.AFTER_HIGH;
		}
		else {
			this.state = Character.isLowSurrogate((char) this.value) ? fail(StorableText.unpairedSurrogate(this.value))
					: State.TEXT;
		}
	}

	private State lone() {
		this.expectLow = false;
		return fail(StorableText.unpairedSurrogate(this.high));
	}

	private State fail(String problem) {
		this.problem = problem;
		return State.TEXT;
	}

}
