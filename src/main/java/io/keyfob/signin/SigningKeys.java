package io.keyfob.signin;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.keyfob.shared.secret.SecretSealer;
import io.keyfob.signin.jdbc.JdbcSigningKeys;
import io.keyfob.signin.jdbc.JdbcSigningKeys.StoredKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token signing keys, kept in the database so every node signs and verifies alike.
 * The first start makes an RSA key; private keys are sealed under the master key. Keys
 * are cached for a minute and reloaded at once when a token names a key this node has not
 * seen, so a key made by another node is picked up. Thread-safe.
 */
final class SigningKeys implements JWKSource<SecurityContext> {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private static final Duration CACHE_TIME = Duration.ofMinutes(1);

	private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(5);

	private static final int RSA_BITS = 2048;

	private final JdbcSigningKeys keys;

	private final SecretSealer sealer;

	private final Clock clock;

	private volatile Cached cached = new Cached(new JWKSet(), Instant.MIN);

	SigningKeys(JdbcSigningKeys keys, SecretSealer sealer, Clock clock) {
		this.keys = keys;
		this.sealer = sealer;
		this.clock = clock;
	}

	/**
	 * Make the first key unless there is one. Two nodes starting at once may both make
	 * one; both keys then verify, and every node signs with the newest.
	 */
	void ensureKey() {
		if (this.keys.findAll().isEmpty()) {
			this.keys.insert(generate());
			logger.info("Created the first token signing key");
		}
		reload();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		Instant now = this.clock.instant();
		Cached current = this.cached;
		if (now.isAfter(current.loaded().plus(CACHE_TIME))) {
			current = reload();
		}
		List<JWK> found = selector.select(current.keys());
		if (found.isEmpty() && selector.getMatcher().getKeyIDs() != null
				&& now.isAfter(current.loaded().plus(MIN_RELOAD_INTERVAL))) {
			found = selector.select(reload().keys());
		}
		return found;
	}

	/**
	 * Of several keys that could sign, the newest.
	 * @param candidates the keys
	 * @return the one to sign with
	 */
	static JWK newest(List<JWK> candidates) {
		return candidates.stream()
			.max((a, b) -> a.getIssueTime().compareTo(b.getIssueTime()))
			.orElseThrow(() -> new IllegalStateException("No token signing key is available"));
	}

	private synchronized Cached reload() {
		List<JWK> loaded = this.keys.findAll().stream().map(this::jwk).toList();
		Cached fresh = new Cached(new JWKSet(loaded), this.clock.instant());
		this.cached = fresh;
		return fresh;
	}

	private StoredKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(RSA_BITS);
			KeyPair pair = generator.generateKeyPair();
			String kid = UUID.randomUUID().toString();
			byte[] privateKey = pair.getPrivate().getEncoded();
			try {
				return new StoredKey(kid, JWSAlgorithm.RS256.getName(), pair.getPublic().getEncoded(),
						this.sealer.seal(privateKey, context(kid)), this.clock.instant());
			}
			finally {
				Arrays.fill(privateKey, (byte) 0);
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available on this Java platform", ex);
		}
	}

	private JWK jwk(StoredKey stored) {
		byte[] privateKey = this.sealer.open(stored.privateKey(), context(stored.kid()));
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(stored.publicKey()));
			RSAPrivateKey rsaPrivateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
			return new RSAKey.Builder(publicKey).privateKey(rsaPrivateKey)
				.keyID(stored.kid())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.parse(stored.algorithm()))
				.issueTime(Date.from(stored.createdDateTime()))
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing key " + stored.kid() + " is not a valid RSA key", ex);
		}
		finally {
			Arrays.fill(privateKey, (byte) 0);
		}
	}

	static String context(String kid) {
		return "signing-key:" + kid;
	}

	private record Cached(JWKSet keys, Instant loaded) {
	}

}
