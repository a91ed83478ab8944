package io.keyfob.failure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.otp.Base32;
import io.keyfob.support.ChosenSeeds;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.OathTool;
import tools.jackson.databind.JsonNode;

/**
 * What the failure tests do to a node over HTTP: users with activated tokens, code checks
 * through the verify API, and the sign-in log.
 */
final class Nodes {

	private Nodes() {
	}

	/**
	 * Create a user without a password (hashing one costs time the tests do not need)
	 * with an activated TOTP token.
	 * @param graph the node's client
	 * @param userPrincipalName the user's name
	 * @return the token's seed
	 */
	static byte[] userWithToken(GraphTestClient graph, String userPrincipalName) {
		String app = graph.bootstrapToken();
		return HardwareTokens.activatedToken(graph, app, graph.createUser(userPrincipalName, null));
	}

	/**
	 * Create a user without a password with an activated HOTP token, its counter-0 code
	 * used by the activation: the next code is counter 1. The seed is chosen so that
	 * codes 0 and 1 show at no other counter within the look-ahead, so a code's answer
	 * never depends on chance.
	 * @param graph the node's client
	 * @param userPrincipalName the user's name
	 * @param serialNumber the token's serial number
	 * @return the token's seed
	 */
	static byte[] userWithHotpToken(GraphTestClient graph, String userPrincipalName, String serialNumber) {
		String app = graph.bootstrapToken();
		UUID user = graph.createUser(userPrincipalName, null);
		byte[] seed = ChosenSeeds.hotp(1);
		Map<String, Object> device = new LinkedHashMap<>(
				Map.of("serialNumber", serialNumber, "manufacturer", "Feitian", "model", "c100", "secretKey",
						Base32.encode(seed), "otpType", "hotp", "counter", 0, "assignTo", Map.of("id", user)));
		String tokenId = graph.post(HardwareTokens.DEVICES, app, device).expect(201).body().get("id").asString();
		graph
			.post("/beta/users/" + user + "/authentication/hardwareOathMethods/" + tokenId + "/activate", app,
					Map.of("verificationCode", OathTool.hotp(seed, 6, 0)))
			.expect(204);
		return seed;
	}

	static void enableHardwareOath(GraphTestClient graph) {
		HardwareTokens.enableForAllUsers(graph, graph.bootstrapToken());
	}

	static String verifier(GraphTestClient graph) {
		return graph.appToken(Set.of("HardwareOath.Verify"));
	}

	/**
	 * Check a code through the verify API.
	 * @return the result: accepted, rejected or locked
	 */
	static String verify(GraphTestClient graph, String verifier, String userPrincipalName, String code) {
		Map<String, Object> body = new HashMap<>();
		body.put("userPrincipalName", userPrincipalName);
		body.put("code", code);
		return graph.post("/api/v1/verify", verifier, body).expect(200).body().get("result").asString();
	}

	/**
	 * The failure reasons the sign-in log holds for a user.
	 * @return the reasons, one per failed sign-in, newest first
	 */
	static String failureReasons(GraphTestClient graph, String userPrincipalName) {
		JsonNode log = graph.get("/beta/auditLogs/signIns?$filter=" + URLEncoder.encode(
				"userPrincipalName eq '" + userPrincipalName + "' and status/errorCode ne 0", StandardCharsets.UTF_8),
				graph.appToken(Set.of("AuditLog.Read.All")))
			.expect(200)
			.body();
		StringBuilder reasons = new StringBuilder();
		for (JsonNode entry : log.get("value")) {
			reasons.append(entry.get("status").get("failureReason").asString()).append('\n');
		}
		return reasons.toString();
	}

}
