package io.keyfob.radius;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A RADIUS client (a NAS: VPN concentrator, Wi-Fi controller, switch) that Keyfob
 * answers. Never holds the shared secret.
 *
 * @param id the client's id
 * @param displayName a name for people, shown in the sign-in log
 * @param address the source address or CIDR range its requests come from
 * @param mode how its users prove who they are
 * @param requireMessageAuthenticator whether a request without a valid
 * Message-Authenticator (RFC 3579) is dropped
 * @param stripRealm whether a realm in {@code User-Name} ({@code name@realm} or
 * {@code REALM\name}) is removed before the name is looked up
 * @param appendRealm a realm appended as {@code @realm} to a name without one, or
 * {@code null}
 * @param createdDateTime when it was registered
 */
public record RadiusClient(UUID id, String displayName, String address, RadiusMode mode,
		boolean requireMessageAuthenticator, boolean stripRealm, @Nullable String appendRealm,
		Instant createdDateTime) {

	/**
	 * The user principal name a request's {@code User-Name} stands for, after the realm
	 * rules.
	 * @param userName the {@code User-Name} as sent
	 * @return the name to look up
	 */
	public String principalName(String userName) {
		String name = userName.strip();
		if (this.stripRealm) {
			int backslash = name.indexOf('\\');
			if (backslash >= 0) {
				name = name.substring(backslash + 1);
			}
			int at = name.lastIndexOf('@');
			if (at >= 0) {
				name = name.substring(0, at);
			}
		}
		if (this.appendRealm != null && name.indexOf('@') < 0) {
			name = name + "@" + this.appendRealm;
		}
		return name;
	}

}
