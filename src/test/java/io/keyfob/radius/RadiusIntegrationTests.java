package io.keyfob.radius;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import io.keyfob.radius.jdbc.JdbcRadiusChallenges;
import io.keyfob.support.HardwareTokenHttpTestSupport;
import io.keyfob.support.HardwareTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	@Autowired
	RadiusServer server;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcRadiusChallenges challenges;

	@Autowired
	MeterRegistry meters;

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
		List<Map<String, Object>> log = this.jdbc.sql("""
				select activity, result, app_id, ip_address, details from audit_entry
				where kind = 'signIn' and user_principal_name = :upn order by activity_date_time, id""")
			.param("upn", upn)
			.query()
			.listOfRows();
		assertThat(log).hasSize(4).allSatisfy((entry) -> {
			assertThat(entry.get("activity")).isEqualTo("Sign in over RADIUS");
			assertThat(entry.get("app_id")).isEqualTo(nas.name());
			assertThat(entry.get("ip_address")).isEqualTo(nas.address());
			assertThat((String) entry.get("details")).contains("RADIUS").contains(nas.name());
		});
		assertThat(log).extracting((entry) -> entry.get("result"))
			.containsExactly("success", "failure", "failure", "failure");
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
		assertThat(this.jdbc.sql(
				"select error_code from audit_entry where user_principal_name = :upn order by activity_date_time desc, id desc")
			.param("upn", upn)
			.query(Integer.class)
			.list()).first().isEqualTo(50053);
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
	void requestWhenSecretWrongOrMessageAuthenticatorMissingThenNoAnswer() {
		Nas nas = nas("codeOnly");
		String upn = upn("fe");
		byte[] seed = userWithToken(upn);
		double before = dropped();
		assertThat(
				Radclient
					.once(this.radiusPort, "not-the-secret", "auth",
							List.of(nas.source(), "User-Name = \"" + upn + "\"",
									"User-Password = \"" + code(seed) + "\"", "Message-Authenticator = 0x00"))
					.code())
			.isEqualTo("none");
		try (RawRadius raw = new RawRadius(this.radiusPort, nas.address())) {
			assertThat(raw.exchange(raw.accessRequest(nas.secret(), upn, code(seed), false))).isEmpty();
			assertThat(raw.exchange(raw.accessRequest(nas.secret(), upn, code(seed), true))).isPresent();
		}
		try (RawRadius stranger = new RawRadius(this.radiusPort, "127.0.0.9")) {
			assertThat(stranger.exchange(stranger.accessRequest(nas.secret(), upn, code(seed), true))).isEmpty();
		}
		assertThat(dropped()).isGreaterThanOrEqualTo(before + 3);
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
			for (byte[] bad : List.of(new byte[0], new byte[] { 1, 2, 3 }, truncated, lyingLength, badAttribute,
					huge)) {
				assertThat(raw.exchange(bad)).isEmpty();
			}
			assertThat(raw.exchange(good).orElseThrow()[0]).isEqualTo((byte) 2);
		}
	}

	@Test
	void statusServerWhenAskedThenAccepted() {
		Nas nas = nas("codeOnly");
		assertThat(Radclient
			.once(this.radiusPort, nas.secret(), "status", List.of(nas.source(), "Message-Authenticator = 0x00"))
			.code()).isEqualTo("Access-Accept");
	}

	private Nas nas(String mode) {
		String address = "127.0.0." + addresses.incrementAndGet();
		String name = "NAS " + HardwareTokens.suffix();
		var created = this.graph
			.post("/api/v1/radius-clients", this.app, Map.of("displayName", name, "address", address, "mode", mode))
			.expect(201)
			.body();
		return new Nas(UUID.fromString(created.get("id").asString()), name, address,
				created.get("sharedSecret").asString(), this.radiusPort);
	}

	private byte[] userWithToken(String upn) {
		return HardwareTokens.activatedToken(this.graph, this.app, this.graph.createUser(upn, PASSWORD));
	}

	private UUID userId(String upn) {
		return UUID.fromString(this.graph.get("/beta/users/" + upn, this.app).expect(200).body().get("id").asString());
	}

	private double dropped() {
		return this.meters.find(RadiusMetrics.DROPPED).counters().stream().mapToDouble((c) -> c.count()).sum();
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
