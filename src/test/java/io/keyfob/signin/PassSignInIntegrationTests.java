package io.keyfob.signin;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokenHttpTestSupport;
import io.keyfob.support.HardwareTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a Temporary Access Pass at {@code /login/pass}: the pass stands for
 * password and code ({@code amr ["tap", "mfa"]}), lands the user in My Security Info, is
 * used up once by exactly one of many parallel sign-ins, counts wrong passes toward the
 * lockout of codes, is logged as a sign-in, and is refused by the verify API unless the
 * policy allows it there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PassSignInIntegrationTests extends HardwareTokenHttpTestSupport {

	static final String POLICY = "/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/"
			+ "temporaryAccessPass";

	@BeforeEach
	void enablePasses() {
		this.graph
			.patch(POLICY, this.app,
					Map.of("state", "enabled", "isUsableOnce", false, "defaultLifetimeInMinutes", 60,
							"minimumLifetimeInMinutes", 60, "maximumLifetimeInMinutes", 480, "usableForVerify", false))
			.expect(204);
	}

	@Test
	void signInWhenPassRightThenBothFactorsAndMySecurityInfo() {
		String upn = upn("ada");
		UUID user = this.graph.createUser(upn, PASSWORD);
		String pass = pass(this.graph, this.app, user, false);

		HttpResponse<String> signedIn = new PassBrowser(this.port).signIn(upn, pass);
		JsonNode tokens = this.graph.redeem(new PassBrowser(this.port).authorizationCode(upn, pass)).expect(200).body();

		assertThat(PassBrowser.location(signedIn)).endsWith("/my-security-info");
		JsonNode idToken = OtpSignInIntegrationTests.claims(tokens.get("id_token").asString());
		assertThat(idToken.get("amr")).extracting(JsonNode::asString).containsExactly("tap", "mfa");
		assertThat(idToken.get("acr").asString()).isEqualTo(AccessTokenClaims.ACR_MFA);
		String log = signIns(upn);
		assertThat(log).contains("Sign in with Temporary Access Pass").contains("Temporary Access Pass");
	}

	@Test
	void signInWhenUserHoldsTokenThenPassSkipsTheCodeStep() {
		String upn = upn("bea");
		UUID user = this.graph.createUser(upn, PASSWORD);
		HardwareTokens.activatedToken(this.graph, this.app, user);
		String pass = pass(this.graph, this.app, user, false);
		PassBrowser browser = new PassBrowser(this.port);

		browser.signIn(upn, pass);
		HttpResponse<String> page = browser.get("/my-security-info");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Security info");
	}

	@Test
	void signInWhenOneTimePassSentInParallelThenExactlyOneSignsIn() {
		String upn = upn("cy");
		UUID user = this.graph.createUser(upn, PASSWORD);
		String pass = pass(this.graph, this.app, user, true);

		List<Integer> statuses = inParallel(8, () -> new PassBrowser(this.port).signIn(upn, pass).statusCode());

		assertThat(statuses).containsOnly(302, 200);
		assertThat(statuses).filteredOn((s) -> s == 302).hasSize(1);
		// the pass signs in no more, but the seven losers and this late try held the
		// right pass: refused, not counted as wrong (eight would have throttled)
		PassBrowser late = new PassBrowser(this.port);
		HttpResponse<String> refused = late.signIn(upn, pass);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("wrong, used up or expired").doesNotContain("Too many");
		assertThat(PassBrowser.location(late.get("/my-security-info"))).contains("/login");
		assertThat(verify(upn, "123456").get("result").asString()).isEqualTo("rejected");
		List<JsonNode> passes = passEntries(upn);
		assertThat(passes).hasSize(9);
		assertThat(passes).extracting((e) -> e.get("status").get("errorCode").asInt())
			.containsOnly(0, 130502)
			.filteredOn((code) -> code == 0)
			.hasSize(1);
		assertThat(passes).filteredOn((e) -> e.get("status").get("errorCode").asInt() != 0)
			.allSatisfy((e) -> assertThat(e.get("status").get("failureReason").asString()).contains("right but used up")
				.contains("not counted"));
	}

	@Test
	void signInWhenPassWrongThenCountsTowardTheLockoutOfCodes() {
		String upn = upn("dee");
		UUID user = this.graph.createUser(upn, PASSWORD);
		String pass = pass(this.graph, this.app, user, false);
		PassBrowser browser = new PassBrowser(this.port);

		for (int i = 0; i < 5; i++) {
			assertThat(browser.signIn(upn, "wrong-pass-" + i).body()).contains("wrong, used up or expired");
		}

		// the sixth attempt meets the throttle, the right pass too, and so does a code
		assertThat(browser.signIn(upn, pass).body()).contains("Too many wrong attempts");
		assertThat(verify(upn, "123456").get("result").asString()).isEqualTo("locked");
		assertThat(signIns(upn)).contains("Too many wrong passes or codes");
	}

	@Test
	void signInWhenNameUnknownThenSameAnswerAsWrongPass() {
		HttpResponse<String> unknown = new PassBrowser(this.port).signIn(upn("nobody"), "abcdefgh");

		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("wrong, used up or expired");
	}

	@Test
	void verifyWhenPassSentAsCodeThenRefusedUnlessPolicyAllows() {
		String upn = upn("eve");
		UUID user = this.graph.createUser(upn, PASSWORD);
		HardwareTokens.activatedToken(this.graph, this.app, user);
		String pass = pass(this.graph, this.app, user, false);

		assertThat(verify(upn, pass).get("result").asString()).isEqualTo("rejected");
		assertThat(passEntries(upn)).as("off: a malformed code, logged as a code").isEmpty();

		this.graph.patch(POLICY, this.app, Map.of("usableForVerify", true)).expect(204);
		try {
			assertThat(verify(upn, pass).get("result").asString()).isEqualTo("accepted");
			assertThat(verify(upn, pass + "x").get("result").asString()).isEqualTo("rejected");
		}
		finally {
			this.graph.patch(POLICY, this.app, Map.of("usableForVerify", false)).expect(204);
		}
		// one entry per pass, like a code's: the verify API's client, never the pass
		List<JsonNode> passes = passEntries(upn);
		assertThat(passes).hasSize(2).allSatisfy((entry) -> {
			assertThat(entry.get("status").get("additionalDetails").asString())
				.isEqualTo("Verify Temporary Access Pass");
			assertThat(entry.get("clientAppUsed").asString()).isEqualTo("Verify API");
			assertThat(entry.get("appId").asString()).isNotBlank();
			assertThat(entry.get("userId").asString()).isEqualTo(user.toString());
		});
		assertThat(passes).extracting((e) -> e.get("status").get("errorCode").asInt())
			.containsExactlyInAnyOrder(0, 130502);
		assertThat(signIns(upn)).doesNotContain(pass);
	}

	static String pass(GraphTestClient graph, String token, UUID user, boolean once) {
		return graph
			.post("/beta/users/" + user + "/authentication/temporaryAccessPassMethods", token,
					Map.of("isUsableOnce", once))
			.expect(201)
			.body()
			.get("temporaryAccessPass")
			.asString();
	}

	static <T> List<T> inParallel(int count, java.util.function.Supplier<T> task) {
		List<CompletableFuture<T>> futures = IntStream.range(0, count)
			.mapToObj((i) -> CompletableFuture.supplyAsync(task))
			.toList();
		return futures.stream().map(CompletableFuture::join).toList();
	}

	private JsonNode verify(String upn, String code) {
		return this.graph
			.post("/api/v1/verify", this.graph.appToken(Set.of("HardwareOath.Verify")),
					Map.of("userPrincipalName", upn, "code", code))
			.expect(200)
			.body();
	}

	/** The user's sign-in log entries whose method is a Temporary Access Pass. */
	private List<JsonNode> passEntries(String upn) {
		List<JsonNode> passes = new ArrayList<>();
		this.graph.signIns(upn).forEach((entry) -> {
			if ("Temporary Access Pass"
				.equals(entry.get("authenticationDetails").get(0).get("authenticationMethod").asString())) {
				passes.add(entry);
			}
		});
		return passes;
	}

	private String signIns(String upn) {
		return this.graph.signIns(upn).toString();
	}

	private static String upn(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
