package io.keyfob.radius;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import io.keyfob.radius.jdbc.JdbcRadiusChallenges;
import io.keyfob.support.HardwareTokenHttpTestSupport;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.TestDirectoryObjects;
import io.micrometer.core.instrument.MeterRegistry;
import org.aaa4j.radius.core.attribute.StringData;
import org.aaa4j.radius.core.attribute.TextData;
import org.aaa4j.radius.core.attribute.attributes.MessageAuthenticator;
import org.aaa4j.radius.core.attribute.attributes.State;
import org.aaa4j.radius.core.attribute.attributes.UserName;
import org.aaa4j.radius.core.attribute.attributes.UserPassword;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Keyfob's RADIUS server against Debian's radclient, over real UDP on loopback: each mode
 * accepts a right code once; wrong, replayed and locked codes, wrong secrets and missing
 * Message-Authenticators are refused or dropped; retransmissions get the cached answer.
 * Every test has its own NAS address (127.0.0.x) and its own user and token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "keyfob.radius.enabled=true", "keyfob.radius.port=0", "keyfob.radius.address=127.0.0.1" })
class RadiusIntegrationTests extends HardwareTokenHttpTestSupport {

	private static final AtomicInteger addresses = new AtomicInteger(10);

	private static final String PASS_POLICY = "/beta/policies/authenticationMethodsPolicy/"
			+ "authenticationMethodConfigurations/temporaryAccessPass";

	@Autowired
	RadiusServer server;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcRadiusChallenges challenges;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DirectoryAdministration directory;

	private int radiusPort;

	@BeforeEach
	void radclientInstalled() {
		assumeThat(Radclient.available()).as(Radclient.NOT_INSTALLED).isTrue();
		this.radiusPort = this.server.localPort();
	}

	@Test
	void passwordAndCodeWhenCodeRightThenAcceptOnceAndLoggedWithNas() {
		Nas nas = nas("passwordAndCode");
		String upn = upn("ada");
		byte[] seed = userWithToken(upn);
		String code = code(seed);
		assertThat(nas.auth(upn, PASSWORD + code).code()).isEqualTo("Access-Accept");
		assertThat(nas.auth(upn, PASSWORD + code).code()).as("replayed").isEqualTo("Access-Reject");
		assertThat(nas.auth(upn, PASSWORD + HardwareTokens.wrongCode(seed)).code()).isEqualTo("Access-Reject");
		assertThat(nas.auth(upn, "wrong-password" + code(seed)).code()).isEqualTo("Access-Reject");
		JsonNode signIns = this.graph.signIns(upn);
		assertThat(signIns).hasSize(4).allSatisfy((entry) -> {
			assertThat(entry.get("clientAppUsed").asString()).isEqualTo("RADIUS");
			assertThat(entry.get("appDisplayName").asString()).isEqualTo(nas.name());
			assertThat(entry.get("ipAddress").asString()).isEqualTo(nas.address());
			assertThat(entry.get("status").get("additionalDetails").asString()).isEqualTo("Sign in over RADIUS");
		});
		assertThat(signIns).extracting((entry) -> entry.get("status").get("errorCode").asInt())
			.containsExactlyInAnyOrder(0, 500121, 500121, 50126);
		assertThat(signIns)
			.extracting((entry) -> entry.get("authenticationDetails").get(0).get("succeeded").asBoolean())
			.containsExactlyInAnyOrder(true, false, false, false);
	}

	@Test
	void codeWhenWrongOverRadiusAndTheVerifyApiThenTheSameMethodLocks() {
		Nas nas = nas("codeOnly");
		String upn = upn("lo");
		byte[] seed = userWithToken(upn);
		String verifier = this.graph.appToken(Set.of("HardwareOath.Verify"));
		for (int i = 0; i < 3; i++) {
			assertThat(nas.auth(upn, String.format("%06d", 310000 + i)).code()).isEqualTo("Access-Reject");
		}
		for (int i = 0; i < 2; i++) {
			assertThat(verify(verifier, upn, String.format("%06d", 320000 + i))).isEqualTo("rejected");
		}
		assertThat(verify(verifier, upn, code(seed))).as("five wrong codes in all").isEqualTo("locked");
		assertThat(nas.auth(upn, code(seed)).code()).isEqualTo("Access-Reject");
		assertThat(lastErrorCode(upn)).as("locked").isEqualTo(50053);
	}

	@Test
	void codeWhenUserExcludedFromThePolicyThenRejectedLikeAnUnknownUser() {
		Nas nas = nas("codeOnly");
		String upn = upn("ex");
		byte[] seed = userWithToken(upn);
		UUID excluded = TestDirectoryObjects.group(this.directory, userId(upn));
		Radclient.Reply unknown = nas.auth(upn("nobody"), "123456");
		this.graph
			.patch(HardwareTokens.POLICY, this.app,
					Map.of("excludeTargets", List.of(Map.of("targetType", "group", "id", excluded.toString()))))
			.expect(204);
		try {
			Radclient.Reply refused = nas.auth(upn, code(seed));
			assertThat(refused.code()).isEqualTo("Access-Reject");
			assertThat(attributes(refused)).isEqualTo(attributes(unknown));
		}
		finally {
			this.graph.patch(HardwareTokens.POLICY, this.app, Map.of("excludeTargets", List.of())).expect(204);
		}
		assertThat(nas.auth(upn, code(seed)).code()).as("no longer excluded").isEqualTo("Access-Accept");
	}

	@Test
	void realmWhenStrippedAndAppendedThenTheNameIsTheUserPrincipalName() {
		Nas nas = nas("codeOnly", Map.of("stripRealm", true, "appendRealm", "example.org"));
		String upn = upn("re");
		byte[] seed = userWithToken(upn);
		String alias = upn.substring(0, upn.indexOf('@'));
		assertThat(nas.auth("CORP\\\\" + alias, code(seed)).code()).isEqualTo("Access-Accept");
		assertThat(nas.auth(alias + "@corp.example", HardwareTokens.code(seed, 30)).code()).isEqualTo("Access-Accept");
		try (RawRadius raw = new RawRadius(this.radiusPort, nas.address())) {
			// 250 octets fit in a User-Name, but with @example.org appended no user has
			// it
			assertDropped(raw, raw.accessRequest(nas.secret(), "a".repeat(250), "123456", true), "userNameTooLong");
		}
		assertThat(this.jdbc.sql("select count(*) from audit_entry where user_principal_name like 'aaaa%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void codeOnlyWhenCodeRightThenAcceptAndUnknownUserLooksLikeWrongCode() {
		Nas nas = nas("codeOnly");
		String upn = upn("bo");
		byte[] seed = userWithToken(upn);
		assertThat(nas.auth(upn, code(seed)).code()).isEqualTo("Access-Accept");
		Radclient.Reply unknown = nas.auth(upn("nobody"), "123456");
		Radclient.Reply wrong = nas.auth(upn, HardwareTokens.wrongCode(seed));
		assertThat(unknown.code()).isEqualTo("Access-Reject");
		assertThat(wrong.code()).isEqualTo("Access-Reject");
		assertThat(attributes(unknown)).isEqualTo(attributes(wrong));
	}

	@Test
	void challengeWhenPasswordThenCodeWithStateThenAcceptAndStateSingleUse() {
		Nas nas = nas("challenge");
		String upn = upn("cy");
		byte[] seed = userWithToken(upn);
		Radclient.Reply challenge = nas.auth(upn, PASSWORD);
		assertThat(challenge.code()).isEqualTo("Access-Challenge");
		assertThat(challenge.output()).contains("Enter the code shown on your hardware token");
		String state = challenge.state().orElseThrow();
		String code = code(seed);
		assertThat(nas.auth(upn, code, "State = " + state).code()).isEqualTo("Access-Accept");
		assertThat(nas.auth(upn, code(seed), "State = " + state).code()).as("State used").isEqualTo("Access-Reject");
		assertThat(nas.auth(upn, "wrong-password").code()).isEqualTo("Access-Reject");
		String expired = "0123456789abcdef0123456789abcdef";
		this.challenges.insert(expired, nas.id(), userId(upn), Instant.now().minusSeconds(1));
		assertThat(nas.auth(upn, code(seed), "State = 0x" + hex(expired)).code()).as("State expired")
			.isEqualTo("Access-Reject");
	}

	@Test
	void codeWhenLockedThenRejectedAndLoggedAsLocked() {
		Nas nas = nas("codeOnly");
		String upn = upn("di");
		byte[] seed = userWithToken(upn);
		for (int i = 0; i < 5; i++) {
			assertThat(nas.auth(upn, String.format("%06d", 300000 + i)).code()).isEqualTo("Access-Reject");
		}
		assertThat(nas.auth(upn, code(seed)).code()).isEqualTo("Access-Reject");
		assertThat(lastErrorCode(upn)).as("locked").isEqualTo(50053);
	}

	@Test
	void passWhenPolicyAllowsItOverRadiusThenAcceptedAOneTimePassOnceAndLogged() {
		Nas nas = nas("codeOnly");
		String upn = upn("tap");
		String once = upn("tap1");
		UUID user = this.graph.createUser(upn, PASSWORD);
		UUID oneTime = this.graph.createUser(once, PASSWORD);
		this.graph
			.patch(PASS_POLICY, this.app, Map.of("state", "enabled", "isUsableOnce", false, "usableForVerify", false))
			.expect(204);
		try {
			String pass = pass(user, false);
			String oneTimePass = pass(oneTime, true);
			assertThat(nas.auth(upn, pass).code()).as("not usable for verify").isEqualTo("Access-Reject");
			this.graph.patch(PASS_POLICY, this.app, Map.of("usableForVerify", true)).expect(204);
			assertThat(nas.auth(upn, pass).code()).isEqualTo("Access-Accept");
			assertThat(nas.auth(upn, pass).code()).as("not one-time").isEqualTo("Access-Accept");
			assertThat(nas.auth(upn, pass + "x").code()).isEqualTo("Access-Reject");
			assertThat(nas.auth(once, oneTimePass).code()).isEqualTo("Access-Accept");
			assertThat(nas.auth(once, oneTimePass).code()).as("used up").isEqualTo("Access-Reject");

			JsonNode passes = this.graph.signIns(upn);
			assertThat(passes).hasSize(4);
			assertThat(passes)
				.extracting((entry) -> entry.get("authenticationDetails").get(0).get("authenticationMethod").asString())
				.containsExactlyInAnyOrder("Hardware OATH token", "Temporary Access Pass", "Temporary Access Pass",
						"Temporary Access Pass");
			assertThat(passes).extracting((entry) -> entry.get("status").get("errorCode").asInt())
				.containsExactlyInAnyOrder(500121, 0, 0, 130502);
			assertThat(this.graph.signIns(once)).hasSize(2).allSatisfy((entry) -> {
				assertThat(entry.get("authenticationDetails").get(0).get("authenticationMethod").asString())
					.isEqualTo("Temporary Access Pass");
				assertThat(entry.get("clientAppUsed").asString()).isEqualTo("RADIUS");
				assertThat(entry.get("appDisplayName").asString()).isEqualTo(nas.name());
				assertThat(entry.get("ipAddress").asString()).isEqualTo(nas.address());
				assertThat(entry.get("status").get("additionalDetails").asString()).isEqualTo("Sign in over RADIUS");
			}).extracting((entry) -> entry.get("status").get("errorCode").asInt()).containsExactlyInAnyOrder(0, 130502);
			assertThat(this.graph.signIns(upn).toString() + this.graph.signIns(once)).doesNotContain(pass)
				.doesNotContain(oneTimePass);
		}
		finally {
			this.graph.patch(PASS_POLICY, this.app, Map.of("state", "disabled", "usableForVerify", false)).expect(204);
		}
	}

	@Test
	void retransmissionWhenSamePacketAgainThenSameAcceptWithoutSecondCheck() {
		Nas nas = nas("codeOnly");
		String upn = upn("ed");
		byte[] seed = userWithToken(upn);
		try (RawRadius raw = new RawRadius(this.radiusPort, nas.address())) {
			byte[] request = raw.accessRequest(nas.secret(), upn, code(seed), true);
			byte[] first = raw.exchange(request).orElseThrow();
			byte[] again = raw.exchange(request).orElseThrow();
			assertThat(first[0]).isEqualTo((byte) 2);
			assertThat(again).isEqualTo(first);
		}
		assertThat(this.jdbc.sql("select count(*) from audit_entry where user_principal_name = :upn")
			.param("upn", upn)
			.query(Long.class)
			.single()).as("one check, one entry").isEqualTo(1);
	}

	@Test
	void requestWhenSecretWrongOrMessageAuthenticatorMissingOrSourceUnknownThenDroppedAndCountedByReason() {
		Nas nas = nas("codeOnly");
		String upn = upn("fe");
		byte[] seed = userWithToken(upn);
		try (RawRadius raw = new RawRadius(this.radiusPort, nas.address())) {
			assertDropped(raw, raw.accessRequest("not-the-secret", upn, code(seed), true), "badAuthenticator");
			assertDropped(raw, raw.accessRequest(nas.secret(), upn, code(seed), false), "missingMessageAuthenticator");
			assertThat(raw.exchange(raw.accessRequest(nas.secret(), upn, code(seed), true)).orElseThrow()[0])
				.isEqualTo((byte) 2);
		}
		try (RawRadius stranger = new RawRadius(this.radiusPort, "127.0.0.9")) {
			assertDropped(stranger, stranger.accessRequest(nas.secret(), upn, code(seed), true), "unknownClient");
		}
		assertThat(this.jdbc.sql("select count(*) from audit_entry where user_principal_name = :upn")
			.param("upn", upn)
			.query(Long.class)
			.single()).as("only the answered request").isEqualTo(1);
	}

	@Test
	void clientWithoutMessageAuthenticatorWhenSecretWrongThenDroppedAndStatusServerStillAnswered() {
		Nas nas = nas("codeOnly", Map.of("requireMessageAuthenticator", false));
		String upn = upn("ha");
		byte[] seed = userWithToken(upn);
		try (RawRadius raw = new RawRadius(this.radiusPort, nas.address())) {
			// the User-Password, revealed with the right secret, is random octets; they
			// read as text with a chance of about 1 in 10^7
			assertDropped(raw, raw.accessRequest("not-the-secret", upn, code(seed), false), "unreadablePassword");
			assertDropped(raw, raw.request(12, nas.secret(), List.of()), "missingMessageAuthenticator");
			assertThat(raw.exchange(raw.accessRequest(nas.secret(), upn, code(seed), false)).orElseThrow()[0])
				.isEqualTo((byte) 2);
		}
		assertThat(Radclient
			.once(this.radiusPort, nas.secret(), "status", List.of(nas.source(), "Message-Authenticator = 0x00"))
			.code()).isEqualTo("Access-Accept");
	}

	@Test
	void packetWhenMalformedThenNoAnswerAndServerKeepsAnswering() {
		Nas nas = nas("codeOnly");
		String upn = upn("gu");
		byte[] seed = userWithToken(upn);
		try (RawRadius raw = new RawRadius(this.radiusPort, nas.address())) {
			byte[] good = raw.accessRequest(nas.secret(), upn, code(seed), true);
			byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
			byte[] lyingLength = good.clone();
			lyingLength[3] = (byte) (lyingLength[3] + 40);
			byte[] badAttribute = good.clone();
			badAttribute[21] = (byte) 1;
			byte[] huge = new byte[5000];
			System.arraycopy(good, 0, huge, 0, good.length);
			huge[2] = (byte) (5000 >> 8);
			huge[3] = (byte) (5000 & 0xff);
			byte[] twoNames = raw.request(1, nas.secret(),
					List.of(new MessageAuthenticator(), new UserName(new TextData(upn)),
							new UserName(new TextData(upn("other"))),
							new UserPassword(new StringData(code(seed).getBytes(StandardCharsets.US_ASCII)))));
			byte[] twoStates = raw.request(1, nas.secret(),
					List.of(new MessageAuthenticator(), new UserName(new TextData(upn)),
							new UserPassword(new StringData(code(seed).getBytes(StandardCharsets.US_ASCII))),
							new State(new StringData(new byte[] { 1 })), new State(new StringData(new byte[] { 2 }))));
			for (byte[] bad : List.of(new byte[0], new byte[] { 1, 2, 3 }, truncated, lyingLength, badAttribute, huge,
					twoNames, twoStates)) {
				assertDropped(raw, bad, "malformed");
			}
			assertThat(raw.exchange(good).orElseThrow()[0]).isEqualTo((byte) 2);
		}
	}

	@Test
	void floodWhenThousandsOfBadPacketsThenRightCodesStillAccepted() {
		Nas nas = nas("codeOnly");
		String upn = upn("fl");
		byte[] seed = userWithToken(upn);
		double before = dropped();
		try (RawRadius raw = new RawRadius(this.radiusPort, nas.address());
				RawRadius stranger = new RawRadius(this.radiusPort, "127.0.0.9")) {
			byte[] forged = raw.accessRequest("not-the-secret", upn, "123456", true);
			byte[] garbage = new byte[300];
			new java.util.Random(13).nextBytes(garbage);
			for (int i = 0; i < 2000; i++) {
				raw.send(forged);
				raw.send(garbage);
				stranger.send(forged);
			}
			byte[] good = raw.accessRequest(nas.secret(), upn, code(seed), true);
			Optional<byte[]> answer = Optional.empty();
			// retransmitted as a NAS does: the queue may still be full of the flood
			for (int i = 0; i < 5 && answer.isEmpty(); i++) {
				answer = raw.exchange(good);
			}
			assertThat(answer.orElseThrow()[0]).isEqualTo((byte) 2);
		}
		assertThat(dropped()).isGreaterThan(before + 1000);
		assertThat(this.server.isRunning()).isTrue();
	}

	@Test
	void statusServerWhenAskedThenAccepted() {
		Nas nas = nas("codeOnly");
		assertThat(Radclient
			.once(this.radiusPort, nas.secret(), "status", List.of(nas.source(), "Message-Authenticator = 0x00"))
			.code()).isEqualTo("Access-Accept");
	}

	/**
	 * Send a datagram that must get no answer, and wait for the server to count it as
	 * dropped, instead of for a NAS's timeout.
	 */
	private void assertDropped(RawRadius raw, byte[] datagram, String reason) {
		double before = dropped(reason);
		raw.send(datagram);
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (dropped(reason) <= before) {
			assertThat(System.nanoTime()).as("dropped as %s", reason).isLessThan(deadline);
			LockSupport.parkNanos(2_000_000);
		}
		assertThat(raw.receive(50)).as("no answer").isEmpty();
	}

	private String verify(String token, String upn, String code) {
		return this.graph.post("/api/v1/verify", token, Map.of("userPrincipalName", upn, "code", code))
			.expect(200)
			.body()
			.get("result")
			.asString();
	}

	private String pass(UUID user, boolean once) {
		return this.graph
			.post("/beta/users/" + user + "/authentication/temporaryAccessPassMethods", this.app,
					Map.of("isUsableOnce", once))
			.expect(201)
			.body()
			.get("temporaryAccessPass")
			.asString();
	}

	private Nas nas(String mode) {
		return nas(mode, Map.of());
	}

	private Nas nas(String mode, Map<String, Object> settings) {
		String address = "127.0.0." + addresses.incrementAndGet();
		String name = "NAS " + HardwareTokens.suffix();
		Map<String, Object> request = new HashMap<>(settings);
		request.putAll(Map.of("displayName", name, "address", address, "mode", mode));
		var created = this.graph.post("/api/v1/radius-clients", this.app, request).expect(201).body();
		return new Nas(UUID.fromString(created.get("id").asString()), name, address,
				created.get("sharedSecret").asString(), this.radiusPort);
	}

	private byte[] userWithToken(String upn) {
		return HardwareTokens.activatedToken(this.graph, this.app, this.graph.createUser(upn, PASSWORD));
	}

	private UUID userId(String upn) {
		return UUID.fromString(this.graph.get("/beta/users/" + upn, this.app).expect(200).body().get("id").asString());
	}

	private Integer lastErrorCode(String upn) {
		return this.jdbc.sql(
				"select error_code from audit_entry where user_principal_name = :upn order by activity_date_time desc, id desc")
			.param("upn", upn)
			.query(Integer.class)
			.list()
			.get(0);
	}

	private double dropped() {
		return this.meters.find(RadiusMetrics.DROPPED).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private double dropped(String reason) {
		return this.meters.find(RadiusMetrics.DROPPED)
			.tag("reason", reason)
			.counters()
			.stream()
			.mapToDouble((c) -> c.count())
			.sum();
	}

	private static String code(byte[] seed) {
		return Totp.generate(seed, Instant.now().getEpochSecond(), 30, new OtpParameters(HashFunction.HMAC_SHA1, 6));
	}

	private static String attributes(Radclient.Reply reply) {
		String received = reply.output().substring(reply.output().indexOf("Received"));
		// the code, the length and the attribute names; not the id, the port or the MACs
		return received.replaceAll("Id \\d+ from .* to \\S+", "").replaceAll("0x[0-9a-f]+", "0x");
	}

	private static String hex(String text) {
		return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
	}

	private static String upn(String name) {
		return name + "." + HardwareTokens.suffix() + "@example.org";
	}

	/**
	 * A RADIUS client registered for one test.
	 */
	private record Nas(UUID id, String name, String address, String secret, int port) {

		String source() {
			return "Packet-Src-IP-Address = " + this.address;
		}

		Radclient.Reply auth(String userName, String password, String... more) {
			String[] attributes = new String[3 + more.length];
			attributes[0] = source();
			attributes[1] = "User-Name = \"" + userName + "\"";
			attributes[2] = "User-Password = \"" + password + "\"";
			System.arraycopy(more, 0, attributes, 3, more.length);
			return Radclient.auth(this.port, this.secret, attributes);
		}

	}

}
