package io.keyfob.authmethod;

import org.jspecify.annotations.Nullable;

/**
 * Where a code came from, for the events the audit log records.
 *
 * @param channel the web sign-in, the verify API or RADIUS
 * @param clientId the OAuth2 client that asked, or {@code null}
 * @param sourceAddress the caller's IP address, or {@code null}
 */
public record VerificationContext(Channel channel, @Nullable String clientId, @Nullable String sourceAddress) {

	/**
	 * How a code reached Keyfob.
	 */
	public enum Channel {

		/** The second step of a web sign-in ({@code /login/otp}). */
		SIGN_IN,

		/** The verify API, for VPN and RADIUS bridges and other applications. */
		VERIFY_API,

		/**
		 * Keyfob's RADIUS server: the client id is the NAS's name, the source address the
		 * NAS's.
		 */
		RADIUS

	}

}
