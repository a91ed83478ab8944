package io.keyfob.token;

import io.keyfob.token.jdbc.SeedState;

/**
 * A token loaded once for checking codes: the token as everyone sees it, and (visible
 * only to {@link TokenCodes}) its sealed seed and replay state, read in the same query.
 * Good for one attempt: after a code is accepted, load the token again.
 */
public final class CheckableToken {

	private final HardwareOathToken token;

	private final SeedState state;

	CheckableToken(HardwareOathToken token, SeedState state) {
		this.token = token;
		this.state = state;
	}

	/**
	 * The token.
	 * @return the token, without its seed
	 */
	public HardwareOathToken token() {
		return this.token;
	}

	SeedState state() {
		return this.state;
	}

	@Override
	public String toString() {
		return "CheckableToken[" + this.token.id() + "]";
	}

}
