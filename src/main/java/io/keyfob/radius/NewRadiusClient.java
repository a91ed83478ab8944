package io.keyfob.radius;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator gives to register a RADIUS client, or to change one (a
 * {@code null} field then keeps its value).
 *
 * @param displayName a name for people
 * @param address an IP address or a CIDR range
 * @param mode the mode's API name: {@code passwordAndCode}, {@code codeOnly} or
 * {@code challenge}
 * @param requireMessageAuthenticator whether requests must carry a Message-Authenticator
 * (default on)
 * @param stripRealm whether to remove a realm from {@code User-Name} (default off)
 * @param appendRealm a realm to append to names without one; blank for none
 */
public record NewRadiusClient(@Nullable String displayName, @Nullable String address, @Nullable String mode,
		@Nullable Boolean requireMessageAuthenticator, @Nullable Boolean stripRealm, @Nullable String appendRealm) {
}
