package io.keyfob.shared.secret;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpCode;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.Keyfob;
import io.keyfob.token.CheckWindow;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenCodes;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Master key rotation on a file database: every sealed secret (seeds, signing keys,
 * remembered wrong codes) is re-wrapped under the new key, after which Keyfob starts with
 * the new key alone and still opens them all, and no longer starts with the old one.
 */
class MasterKeyRotationIntegrationTests {

	static final String OLD_KEY = "A".repeat(43) + "=";

	static final String NEW_KEY = "B".repeat(43) + "=";

	static final byte[] SEED = HexFormat.of().parseHex("3132333435363738393031323334353637383930");

	@TempDir
	Path dataDirectory;

	@Test
	void rotateWhenRunWithOldKeyAsPreviousThenStartsWithNewKeyAloneAndEverySecretOpens() {
		UUID tokenId;
		UUID user = UUID.randomUUID();
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, key(OLD_KEY))) {
			tokenId = keyfob.getBean(TokenInventory.class)
				.create(NewHardwareOathToken.totp("ROTATE-1", "Feitian", "c200", TokenSecret.of(SEED), 30))
				.id();
			GraphTestClient.forPort(port(keyfob)).bootstrapToken();
			SealedSecret wrongCode = keyfob.getBean(SecretSealer.class)
				.seal("123456".getBytes(StandardCharsets.US_ASCII), "wrong-code:" + user + ":" + tokenId);
			keyfob.getBean(JdbcClient.class)
				.sql("""
						insert into hardware_oath_method_state (user_id, token_id, failures, last_wrong_key_id,
							last_wrong_nonce, last_wrong_ciphertext) values (:user, :token, 1, :keyId, :nonce, :ciphertext)
						""")
				.param("user", user)
				.param("token", tokenId)
				.param("keyId", wrongCode.keyId())
				.param("nonce", wrongCode.nonce())
				.param("ciphertext", wrongCode.ciphertext())
				.update();
		}

		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, key(NEW_KEY),
				"--keyfob.secrets.previous-master-keys=" + OLD_KEY)) {
			MasterKeyRotated rotated = keyfob.getBean(MasterKeyRotation.class).rotate();
			assertThat(rotated.resealed()).containsEntry("hardware_oath_token", 1L)
				.containsEntry("hardware_oath_method_state", 1L);
			assertThat(rotated.resealed().get("signing_key")).isGreaterThanOrEqualTo(1L);
			assertThat(rotated.retiredKeyIds()).hasSize(1).doesNotContain(rotated.currentKeyId());
			assertThat(keyfob.getBean(MasterKeyRotation.class).rotate().resealed().values()).containsOnly(0L);
		}

		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, key(NEW_KEY))) {
			String code = Totp.generate(SEED, Instant.now().getEpochSecond(), 30,
					new OtpParameters(HashFunction.HMAC_SHA1, 6));
			assertThat(keyfob.getBean(TokenCodes.class)
				.check(tokenId, OtpCode.parse(code), CheckWindow.signIn())
				.accepted()).isTrue();
			assertThat(GraphTestClient.forPort(port(keyfob)).bootstrapToken()).isNotBlank();
			byte[] remembered = keyfob.getBean(JdbcClient.class)
				.sql("select last_wrong_key_id, last_wrong_nonce, last_wrong_ciphertext from hardware_oath_method_state")
				.query((rs, row) -> keyfob.getBean(SecretSealer.class)
					.open(new SealedSecret(rs.getString(1), rs.getBytes(2), rs.getBytes(3)),
							"wrong-code:" + user + ":" + tokenId))
				.single();
			assertThat(new String(remembered, StandardCharsets.US_ASCII)).isEqualTo("123456");
			assertThat(keyfob.getBean(JdbcClient.class)
				.sql("select count(*) from audit_entry where activity = 'Rotate master key'")
				.query(Long.class)
				.single()).isEqualTo(2);
		}

		assertThatThrownBy(() -> Keyfob.start(this.dataDirectory, key(OLD_KEY)).close())
			.hasRootCauseInstanceOf(WrongMasterKeyException.class);
	}

	private static String key(String base64) {
		return "--keyfob.secrets.master-key=" + base64;
	}

	private static int port(ConfigurableApplicationContext keyfob) {
		return Integer.parseInt(keyfob.getEnvironment().getProperty("local.server.port"));
	}

}
