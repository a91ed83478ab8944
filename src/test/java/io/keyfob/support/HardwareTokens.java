package io.keyfob.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.keyfob.otp.Base32;
import io.keyfob.otp.HashFunction;
import org.jspecify.annotations.Nullable;

/**
 * Hardware tokens for tests over HTTP: chosen seeds, Graph request bodies carrying them,
 * and their codes ({@link TokenDisplay}) at the real time.
 */
public final class HardwareTokens {

	/** The inventory. */
	public static final String DEVICES = "/beta/directory/authenticationMethodDevices/hardwareOathDevices";

	/** The hardware OATH method policy. */
	public static final String POLICY = "/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/hardwareOath";

	private HardwareTokens() {
	}

	/**
	 * Enable the hardware OATH method for all users.
	 * @param graph the client
	 * @param token a token with {@code Policy.ReadWrite.AuthenticationMethod}
	 */
	public static void enableForAllUsers(GraphTestClient graph, String token) {
		graph
			.patch(POLICY, token,
					Map.of("@odata.type", "#microsoft.graph.hardwareOathAuthenticationMethodConfiguration", "state",
							"enabled", "includeTargets",
							List.of(Map.of("targetType", "group", "id", "all_users", "isRegistrationRequired", false))))
			.expect(204);
	}

	/**
	 * A seed whose codes around now show nowhere else in the activation window: these
	 * tests run on the server's wall clock.
	 * @return 20 bytes
	 */
	public static byte[] seed() {
		return ChosenSeeds.totp(Instant.now());
	}

	/**
	 * A TOTP device as Graph's create request takes it: 30 s, HMAC-SHA1, 6 digits.
	 * @param serial the serial number
	 * @param seed the seed
	 * @param assignTo the user to assign it to, or {@code null}
	 * @return the body
	 */
	public static Map<String, Object> device(String serial, byte[] seed, @Nullable UUID assignTo) {
		Map<String, Object> device = new LinkedHashMap<>(
				Map.of("serialNumber", serial, "manufacturer", "Feitian", "model", "c200", "secretKey",
						Base32.encode(seed), "timeIntervalInSeconds", 30, "hashFunction", "hmacsha1"));
		if (assignTo != null) {
			device.put("assignTo", Map.of("id", assignTo));
		}
		return device;
	}

	/**
	 * Create a token assigned to a user and activate it, through the API.
	 * @param graph the client
	 * @param token a token with the inventory and user-method write permissions
	 * @param user the user
	 * @return the token's seed
	 */
	public static byte[] activatedToken(GraphTestClient graph, String token, UUID user) {
		byte[] seed = seed();
		String tokenId = graph.post(DEVICES, token, device("SI" + suffix(), seed, user))
			.expect(201)
			.body()
			.get("id")
			.asString();
		graph
			.post("/beta/users/" + user + "/authentication/hardwareOathMethods/" + tokenId + "/activate", token,
					Map.of("verificationCode", code(seed, -30)))
			.expect(204);
		return seed;
	}

	/**
	 * The code the token shows some seconds from now.
	 * @param seed the seed
	 * @param offsetSeconds seconds from now
	 * @return the code
	 */
	public static String code(byte[] seed, int offsetSeconds) {
		return TokenDisplay.totp(seed, HashFunction.HMAC_SHA1, 6, 30, Instant.now().plusSeconds(offsetSeconds));
	}

	/**
	 * A code the token shows nowhere near now.
	 * @param seed the seed
	 * @return the code
	 */
	public static String wrongCode(byte[] seed) {
		Set<String> near = IntStream.rangeClosed(-3, 3).mapToObj((i) -> code(seed, i * 30)).collect(Collectors.toSet());
		int candidate = 271828;
		while (near.contains(format(candidate))) {
			candidate++;
		}
		return format(candidate);
	}

	/**
	 * A short random text, for unique names.
	 * @return eight hex digits
	 */
	public static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String format(int code) {
		return String.format(Locale.ROOT, "%06d", code);
	}

}
