package io.keyfob.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.NewUser;
import io.keyfob.directory.User;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.policy.HardwareOathPolicy;
import io.keyfob.policy.HardwareOathPolicyChange;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.support.ChosenSeeds;
import io.keyfob.support.MutableClock;
import io.keyfob.support.TokenDisplay;
import io.keyfob.support.TestClockConfiguration;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;

/**
 * What the browser tests set up through the modules' APIs, and the codes of their tokens:
 * computed by {@link TokenDisplay} from the seed the test imported, at the time of the
 * server's clock.
 */
final class PortalFixtures {

	private final MutableClock clock;

	PortalFixtures(MutableClock clock) {
		this.clock = clock;
	}

	static void enablePolicyForAllUsers(AuthenticationMethodsPolicy policy) {
		policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.ENABLED,
				List.of(new HardwareOathPolicy.IncludeTarget(HardwareOathPolicy.ALL_USERS, false)), List.of()));
	}

	static User user(DirectoryAdministration directory, String userPrincipalName, String password) {
		return directory.createUser(new NewUser(userPrincipalName, userPrincipalName.substring(0, 1).toUpperCase()
				+ userPrincipalName.substring(1, userPrincipalName.indexOf('@')), true, password));
	}

	/**
	 * Put a 30-second SHA-1 TOTP token into the inventory, with a seed whose codes near
	 * the test clock's start, and three hours ahead of it, show at no other step of the
	 * activation window.
	 * @param inventory the inventory
	 * @param serialNumber its serial number
	 * @return the seed, for computing codes
	 */
	static byte[] token(TokenInventory inventory, String serialNumber) {
		byte[] seed = ChosenSeeds.totp(TestClockConfiguration.START, Duration.ofHours(3));
		inventory.create(NewHardwareOathToken.totp(serialNumber, "Feitian", "c200", TokenSecret.of(seed.clone()), 30));
		return seed;
	}

	/**
	 * The code a token shows now.
	 * @param seed the token's seed
	 * @return six digits
	 */
	String code(byte[] seed) {
		return TokenDisplay.totp(seed, HashFunction.HMAC_SHA1, 6, 30, this.clock.instant());
	}

	/**
	 * The code a token whose clock runs ahead shows now.
	 * @param seed the token's seed
	 * @param ahead how far its clock runs ahead
	 * @return six digits
	 */
	String codeAhead(byte[] seed, Duration ahead) {
		return TokenDisplay.totp(seed, HashFunction.HMAC_SHA1, 6, 30, this.clock.instant().plus(ahead));
	}

	/** Let the token show its next code. */
	void nextStep() {
		this.clock.advance(Duration.ofSeconds(30));
	}

	/**
	 * Codes that match no step within two days of now, so that even the wide activation
	 * window refuses them.
	 * @param seed the token's seed
	 * @param count how many
	 * @return distinct wrong codes
	 */
	List<String> wrongCodes(byte[] seed, int count) {
		Set<String> used = new HashSet<>();
		Instant now = this.clock.instant();
		OtpParameters parameters = new OtpParameters(HashFunction.HMAC_SHA1, 6);
		for (long step = -5800; step <= 5800; step++) {
			used.add(Totp.generate(seed, now.getEpochSecond() + step * 30, 30, parameters));
		}
		return IntStream.iterate(271_828, (code) -> (code + 7_919) % 900_000 + 100_000)
			.mapToObj(Integer::toString)
			.filter((code) -> !used.contains(code))
			.distinct()
			.limit(count)
			.toList();
	}

}
