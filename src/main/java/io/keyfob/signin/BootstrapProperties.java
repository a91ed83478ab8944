package io.keyfob.signin;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code keyfob.bootstrap}, read on the first start only. Unset ones are
 * generated and printed once on the console.
 *
 * @param adminUpn the first Global Administrator's sign-in name
 * @param adminPassword their password; generated when unset
 * @param clientId the bootstrap application's client id; generated when unset
 * @param clientSecret its secret; generated when unset
 */
@ConfigurationProperties("keyfob.bootstrap")
record BootstrapProperties(@DefaultValue("admin@keyfob.local") String adminUpn, @Nullable String adminPassword,
		@Nullable String clientId, @Nullable String clientSecret) {

	boolean anySet() {
		return this.adminPassword != null || this.clientId != null || this.clientSecret != null
				|| !"admin@keyfob.local".equals(this.adminUpn);
	}

	@Override
	public String toString() {
		return "BootstrapProperties[adminUpn=" + this.adminUpn + ", clientId=" + this.clientId + "]";
	}

}
