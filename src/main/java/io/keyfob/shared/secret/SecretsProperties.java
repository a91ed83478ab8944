package io.keyfob.shared.secret;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code keyfob.secrets}.
 *
 * @param masterKey the master key, 32 bytes in Base64; when unset, a key file in the data
 * directory is used, and created on first start
 * @param previousMasterKeys earlier master keys, Base64, still needed to open seeds
 * sealed before a rotation until they are re-wrapped
 */
@ConfigurationProperties("keyfob.secrets")
public record SecretsProperties(@Nullable String masterKey, @DefaultValue List<String> previousMasterKeys) {

	@Override
	public String toString() {
		return "SecretsProperties[masterKey=" + (this.masterKey != null ? "(set)" : "(key file)")
				+ ", previousMasterKeys=" + this.previousMasterKeys.size() + "]";
	}

}
