package io.keyfob.graphapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.keyfob.authmethod.PassGuard;
import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.directory.DirectoryRole;
import io.keyfob.support.GraphTestClient.Response;
import io.keyfob.support.HardwareTokenHttpTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.keyfob.support.HardwareTokens.suffix;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporary Access Pass over the Graph API: the policy and its limits, who may create a
 * pass for whom, the pass shown once, at most one per user, and a one-time pass that of
 * many parallel sign-ins exactly one can use.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TemporaryAccessPassIntegrationTests extends HardwareTokenHttpTestSupport {

	private static final String POLICY = AccessPassPolicyController.PATH;

	private final String unique = suffix().toLowerCase();

	@Autowired
	private TemporaryAccessPasses passes;

	@BeforeEach
	void enablePasses() {
		this.graph
			.patch(POLICY, this.app, Map.of("state", "enabled", "minimumLifetimeInMinutes", 60,
					"maximumLifetimeInMinutes", 480, "defaultLifetimeInMinutes", 60, "isUsableOnce", false))
			.expect(204);
	}

	@Test
	void createWhenHelpdeskThenPassShownOnceAndListedWithoutIt() {
		UUID helpdesk = newUser("desk");
		this.graph.assignRole(helpdesk, DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		UUID user = newUser("amy");
		String agent = delegated("desk", "UserAuthenticationMethod.ReadWrite.All");

		Response created = this.graph.post(passes(user), agent, Map.of("lifetimeInMinutes", 120, "isUsableOnce", true))
			.expect(201);

		String pass = created.body().get("temporaryAccessPass").asString();
		assertThat(pass).hasSize(8);
		assertThat(created.body().get("isUsable").booleanValue()).isTrue();
		assertThat(created.body().get("methodUsabilityReason").asString()).isEqualTo("EnabledByPolicy");
		JsonNode listed = this.graph.get(passes(user), this.app).expect(200).body().get("value");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("temporaryAccessPass").isNull()).isTrue();
		assertThat(listed.get(0).get("lifetimeInMinutes").intValue()).isEqualTo(120);
		assertThat(listed.get(0).get("isUsableOnce").booleanValue()).isTrue();
		assertThat(this.graph.post(passes(user), agent, Map.of()).expect(409).errorCode())
			.isEqualTo("methodLimitReached");

		String id = listed.get(0).get("id").asString();
		this.graph.delete(passes(user) + "/" + id, agent).expect(204);
		assertThat(this.graph.get(passes(user), this.app).expect(200).body().get("value")).isEmpty();
	}

	@Test
	void createWhenLifetimeOutsidePolicyThen400() {
		UUID user = newUser("ben");

		Response tooLong = this.graph.post(passes(user), this.app, Map.of("lifetimeInMinutes", 481)).expect(400);
		this.graph.post(passes(user), this.app, Map.of("lifetimeInMinutes", 59)).expect(400);

		assertThat(tooLong.body().path("error").get("message").asString())
			.contains("lifetimeInMinutes: must be from 60 to 480 minutes");
		assertThat(this.graph.get(passes(user), this.app).expect(200).body().get("value")).isEmpty();
		assertThat(this.graph.patch(POLICY, this.app, Map.of("defaultLength", 7)).expect(400).errorCode())
			.isEqualTo("invalidRequest");
		assertThat(
				this.graph.patch(POLICY, this.app, Map.of("maximumLifetimeInMinutes", 43_201)).expect(400).errorCode())
			.isEqualTo("invalidRequest");
	}

	@Test
	void createWhenHelpdeskAndTargetIsAdminThenOnlyPrivilegedMay() {
		UUID helpdesk = newUser("agent");
		this.graph.assignRole(helpdesk, DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		UUID privileged = newUser("boss");
		this.graph.assignRole(privileged, DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);
		UUID admin = newUser("admin");
		this.graph.assignRole(admin, DirectoryRole.GLOBAL_READER);

		this.graph.post(passes(admin), delegated("agent", "UserAuthenticationMethod.ReadWrite.All"), Map.of())
			.expect(403);
		this.graph.post(passes(admin), delegated("boss", "UserAuthenticationMethod.ReadWrite.All"), Map.of())
			.expect(201);
		this.graph.post(passes(privileged), delegated("boss", "UserAuthenticationMethod.ReadWrite.All"), Map.of())
			.expect(403);
	}

	@Test
	void redeemWhenOneTimePassUsedInParallelThenExactlyOneSignInWins() throws Exception {
		UUID user = newUser("cleo");
		String pass = this.graph.post(passes(user), this.app, Map.of("isUsableOnce", true))
			.expect(201)
			.body()
			.get("temporaryAccessPass")
			.asString();

		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Boolean>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				Callable<Boolean> redeem = () -> redeem(user, pass);
				results.add(pool.submit(redeem));
			}
			int accepted = 0;
			for (Future<Boolean> result : results) {
				accepted += result.get() ? 1 : 0;
			}
			assertThat(accepted).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		JsonNode listed = this.graph.get(passes(user), this.app).expect(200).body().get("value").get(0);
		assertThat(listed.get("isUsable").booleanValue()).isFalse();
		assertThat(listed.get("methodUsabilityReason").asString()).isEqualTo("OneTimeUsed");
		assertThat(redeem(user, "wrong-pass")).isFalse();
	}

	/** What PassGuard does with a pass: the hash without a lock, then the use. */
	private boolean redeem(UUID user, String pass) {
		PassGuard.PassCheck check = this.passes.check(pass);
		return check.matches(user) == PassGuard.Match.RIGHT && check.use(user);
	}

	private static String passes(UUID user) {
		return "/beta/users/" + user + "/authentication/temporaryAccessPassMethods";
	}

	private UUID newUser(String name) {
		return this.graph.createUser(name + "." + this.unique + "@example.org", PASSWORD);
	}

	private String delegated(String name, String scope) {
		return this.graph.delegatedToken(name + "." + this.unique + "@example.org", PASSWORD, Set.of(scope));
	}

}
