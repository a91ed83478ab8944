package io.keyfob.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.keyfob.accesspass.TemporaryAccessPassPolicy;
import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.DirectoryRole;
import io.keyfob.directory.User;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.support.GraphTestClient;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenStatus;
import io.keyfob.token.TokenValidity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over plain HTTP, as a browser without JavaScript sees them: each admin role
 * sees only its pages, forms need their CSRF token, and errors show a generic text with
 * the request id, never an exception's message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PortalPagesIntegrationTests {

	private static final String PASS_POLICY = "/beta/policies/authenticationMethodsPolicy/"
			+ "authenticationMethodConfigurations/temporaryAccessPass";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	DirectoryAdministration directory;

	@Autowired
	TokenInventory inventory;

	@Autowired
	AuthenticationMethodsPolicy policy;

	@Autowired
	TemporaryAccessPasses passes;

	@Test
	void aUserWithoutAnAdminRoleGetsNoAccessToTheAdminCenter() throws Exception {
		Session dave = signedIn(user("dave@keyfob.test"));
		HttpResponse<String> page = dave.get("/admin");
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("You don't have access to this page", requestId(page));
		assertThat(dave.get("/my-security-info").body()).doesNotContain("Admin center");
		assertThat(dave.get("/mysecurityinfo").headers().firstValue("Location").orElse(""))
			.endsWith("/my-security-info");
	}

	@Test
	void aGlobalReaderReadsThePolicyAndTheInventoryButChangesNothing() throws Exception {
		User reader = user("erin@keyfob.test");
		this.directory.assignRole(reader.id(), DirectoryRole.GLOBAL_READER);
		Session erin = signedIn(reader);
		String policy = erin.get("/admin/policy").body();
		assertThat(policy).contains("You can read the policy").doesNotContain(">Save<");
		assertThat(erin.get("/admin/inventory").statusCode()).isEqualTo(200);
		assertThat(erin.get("/admin").body()).doesNotContain("Upload seed file");
		assertThat(erin.post("/admin/policy", Map.of("state", "enabled"), true).statusCode()).isEqualTo(403);
	}

	@Test
	void anAuthenticationPolicyAdministratorSeesTheInventoryAndPolicyButNotUsers() throws Exception {
		User admin = user("fay@keyfob.test");
		this.directory.assignRole(admin.id(), DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR);
		Session fay = signedIn(admin);
		String dashboard = fay.get("/admin").body();
		assertThat(dashboard).contains("Token inventory", "Upload seed file", "Hardware OATH policy")
			.doesNotContain(">Users<", "Audit log");
		assertThat(fay.get("/admin/users").statusCode()).isEqualTo(403);
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		Session gus = signedIn(user("gus@keyfob.test"));
		HttpResponse<String> response = gus.post("/admin/users/new", Map.of("userPrincipalName", "x@keyfob.test"),
				false);
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void anUnknownTokenShowsAGenericPageWithTheRequestId() throws Exception {
		User admin = user("hal@keyfob.test");
		this.directory.assignRole(admin.id(), DirectoryRole.GLOBAL_ADMINISTRATOR);
		HttpResponse<String> page = signedIn(admin).get("/admin/inventory/" + UUID.randomUUID());
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found", requestId(page))
			.doesNotContain("Exception", "does not exist", "TokenNotFound");
	}

	@Test
	void aMalformedAddressIsAUserMistakeNotAServerError() throws Exception {
		User admin = user("ida@keyfob.test");
		this.directory.assignRole(admin.id(), DirectoryRole.GLOBAL_ADMINISTRATOR);
		HttpResponse<String> page = signedIn(admin).get("/admin/inventory/not-a-token-id");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("That request is not right", requestId(page)).doesNotContain("Exception");
	}

	@Test
	void anAdminUnassignsAUsersTokenAndDeletesItFromTheInventoryWithoutJavaScript() throws Exception {
		PortalFixtures.enablePolicyForAllUsers(this.policy);
		User admin = user("jo@keyfob.test");
		this.directory.assignRole(admin.id(), DirectoryRole.GLOBAL_ADMINISTRATOR);
		User holder = user("kim@keyfob.test");
		PortalFixtures.token(this.inventory, "KF-PAGES-1");
		UUID token = this.inventory.getBySerialNumber("KF-PAGES-1").id();
		Session jo = signedIn(admin);

		HttpResponse<String> given = jo.post("/admin/users/" + holder.id() + "/assign",
				Map.of("serialNumber", "KF-PAGES-1"), true);
		assertThat(given.headers().firstValue("Location").orElse("")).endsWith("/admin/users/" + holder.id());
		assertThat(this.inventory.get(token).assignedTo()).isEqualTo(holder.id());

		String method = "/admin/users/" + holder.id() + "/methods/" + token;
		assertThat(jo.get(method + "/unassign").body()).contains("Unassign token", "KF-PAGES-1");
		jo.post(method + "/unassign", Map.of(), true);
		assertThat(this.inventory.get(token).status()).isEqualTo(TokenStatus.AVAILABLE);

		assertThat(jo.get("/admin/inventory/" + token + "/delete").body()).contains("Delete token");
		HttpResponse<String> deleted = jo.post("/admin/inventory/" + token + "/delete", Map.of(), true);
		assertThat(deleted.headers().firstValue("Location").orElse("")).endsWith("/admin/inventory");
		assertThat(this.inventory.find(token)).isEmpty();
	}

	@Test
	void anAdminRegistersARadiusClientSeesItsSecretOnceAndDeletesIt() throws Exception {
		User admin = user("lu@keyfob.test");
		this.directory.assignRole(admin.id(), DirectoryRole.GLOBAL_ADMINISTRATOR);
		Session lu = signedIn(admin);
		assertThat(lu.get("/admin").body()).contains("RADIUS clients");
		HttpResponse<String> refused = lu.post("/admin/radius-clients/new",
				Map.of("displayName", "Lab VPN", "address", "vpn.example.org", "mode", "challenge"), true);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Error: New RADIUS client", "not a host name", "aria-invalid=\"true\"");
		HttpResponse<String> badRealm = lu.post("/admin/radius-clients/new", Map.of("displayName", "Lab VPN", "address",
				"203.0.113.0/28", "mode", "challenge", "appendRealm", "not a realm"), true);
		assertThat(badRealm.body()).contains("must be a domain such as example.org", "id=\"appendRealm-error\"");
		HttpResponse<String> created = lu.post("/admin/radius-clients/new",
				Map.of("displayName", "Lab VPN", "address", "203.0.113.0/28", "mode", "challenge",
						"requireMessageAuthenticator", "true", "stripRealm", "true", "appendRealm", "example.org"),
				true);
		assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		Matcher secret = Pattern.compile("readonly value=\"([A-Za-z0-9]{32})\"").matcher(created.body());
		assertThat(secret.find()).as(created.body()).isTrue();
		String list = lu.get("/admin/radius-clients").body();
		assertThat(list)
			.contains("Lab VPN", "203.0.113.0/28", "challenge", "Stripped, @example.org appended", "Required")
			.doesNotContain(secret.group(1));
		Matcher delete = Pattern.compile("/admin/radius-clients/([0-9a-f-]{36})/delete").matcher(list);
		assertThat(delete.find()).isTrue();
		lu.post("/admin/radius-clients/" + delete.group(1) + "/delete", Map.of(), true);
		assertThat(lu.get("/admin/radius-clients").body()).doesNotContain("Lab VPN");
	}

	@Test
	void aGlobalReaderSeesRadiusClientsButCannotRegisterOne() throws Exception {
		User reader = user("mo@keyfob.test");
		this.directory.assignRole(reader.id(), DirectoryRole.GLOBAL_READER);
		Session mo = signedIn(reader);
		assertThat(mo.get("/admin/radius-clients").body()).contains("RADIUS clients")
			.doesNotContain("New RADIUS client");
		assertThat(mo
			.post("/admin/radius-clients/new", Map.of("displayName", "X", "address", "192.0.2.1", "mode", "codeOnly"),
					true)
			.statusCode()).isEqualTo(403);
	}

	private User user(String userPrincipalName) {
		return PortalFixtures.user(this.directory, userPrincipalName, "Password-for-" + userPrincipalName);
	}

	private Session signedIn(User user) throws Exception {
		Session session = new Session();
		HttpResponse<String> done = session.post("/login",
				Map.of("username", user.userPrincipalName(), "password", "Password-for-" + user.userPrincipalName()),
				true);
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return session;
	}

	private static String requestId(HttpResponse<String> response) {
		return response.headers().firstValue("request-id").orElseThrow();
	}

	@Test
	void aPolicyAdministratorSetsAndClearsATokensValidityAndAReaderMayNot() throws Exception {
		User admin = user("nia@keyfob.test");
		this.directory.assignRole(admin.id(), DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR);
		User reader = user("oz@keyfob.test");
		this.directory.assignRole(reader.id(), DirectoryRole.GLOBAL_READER);
		PortalFixtures.token(this.inventory, "KF-VALID-1");
		UUID token = this.inventory.getBySerialNumber("KF-VALID-1").id();
		Session nia = signedIn(admin);
		String validity = "/admin/inventory/" + token + "/validity";

		HttpResponse<String> backwards = nia.post(validity,
				Map.of("validFrom", "2027-01-01", "validUntil", "2026-06-30T00:00:00Z"), true);
		HttpResponse<String> set = nia.post(validity, Map.of("validFrom", "", "validUntil", "2027-06-30"), true);
		String expiring = nia.get("/admin/inventory?show=expiring").body();
		HttpResponse<String> cleared = nia.post(validity, Map.of("validFrom", "", "validUntil", ""), true);

		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("id=\"validUntil-error\"", "after the valid-from date",
				"aria-invalid=\"true\"");
		assertThat(set.headers().firstValue("Location").orElse("")).endsWith("/admin/inventory/" + token);
		assertThat(expiring).contains("Valid until or blocked");
		assertThat(cleared.statusCode()).isEqualTo(302);
		assertThat(this.inventory.get(token).validity()).isEqualTo(TokenValidity.ALWAYS);
		assertThat(signedIn(reader).get("/admin/inventory/" + token).body()).contains("KF-VALID-1")
			.doesNotContain("Save validity");
		assertThat(signedIn(reader).post(validity, Map.of("validUntil", "2027-06-30"), true).statusCode())
			.isEqualTo(403);
	}

	@Test
	void aPolicyAdministratorSetsThePassPolicyWithTheApisRulesAndAReaderMayNot() throws Exception {
		TemporaryAccessPassPolicy before = this.passes.policy();
		User admin = user("pia@keyfob.test");
		this.directory.assignRole(admin.id(), DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR);
		User reader = user("quin@keyfob.test");
		this.directory.assignRole(reader.id(), DirectoryRole.GLOBAL_READER);
		Session pia = signedIn(admin);
		String page = "/admin/policy/temporary-access-pass";
		Map<String, String> valid = Map.of("state", "enabled", "include", "all", "minimumLifetimeInMinutes", "30",
				"maximumLifetimeInMinutes", "600", "defaultLifetimeInMinutes", "90", "defaultLength", "12",
				"isUsableOnce", "true");
		GraphTestClient graph = GraphTestClient.forPort(this.port);
		String app = graph.bootstrapToken();
		try {
			assertThat(pia.get("/admin/policy").body()).contains("href=\"" + page + "\"");
			HttpResponse<String> saved = pia.post(page, valid, true);
			Map<String, String> backwards = new HashMap<>(valid);
			backwards.put("minimumLifetimeInMinutes", "700");
			HttpResponse<String> refused = pia.post(page, backwards, true);
			Map<String, String> tooShort = new HashMap<>(valid);
			tooShort.put("defaultLength", "7");
			HttpResponse<String> shortPass = pia.post(page, tooShort, true);
			HttpResponse<String> readerPost = signedIn(reader).post(page, Map.of("state", "disabled"), true);

			assertThat(saved.headers().firstValue("Location").orElse("")).endsWith(page);
			JsonNode policy = graph.get(PASS_POLICY, app).expect(200).body();
			assertThat(policy.get("state").asString()).isEqualTo("enabled");
			assertThat(policy.get("minimumLifetimeInMinutes").intValue()).isEqualTo(30);
			assertThat(policy.get("maximumLifetimeInMinutes").intValue()).isEqualTo(600);
			assertThat(policy.get("defaultLifetimeInMinutes").intValue()).isEqualTo(90);
			assertThat(policy.get("defaultLength").intValue()).isEqualTo(12);
			assertThat(policy.get("isUsableOnce").booleanValue()).isTrue();
			assertThat(policy.get("usableForVerify").booleanValue()).isFalse();
			assertThat(policy.get("includeTargets").get(0).get("id").asString()).isEqualTo("all_users");
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("Error: Temporary Access Pass policy",
					"id=\"maximumLifetimeInMinutes-error\"", "Must be from 700 to 43200, but is 600.",
					"aria-describedby=\"maximumLifetimeInMinutes-hint maximumLifetimeInMinutes-error\"",
					"value=\"700\"");
			assertThat(shortPass.body()).contains("id=\"defaultLength-error\"", "Must be from 8 to 48, but is 7.");
			assertThat(this.passes.policy().minimumLifetimeInMinutes()).isEqualTo(30);
			assertThat(this.passes.policy().defaultLength()).isEqualTo(12);
			JsonNode audit = graph
				.get("/beta/auditLogs/directoryAudits?$filter="
						+ URLEncoder.encode("initiatedBy/user/id eq '" + admin.id() + "'", StandardCharsets.UTF_8)
							.replace("+", "%20"),
						app)
				.expect(200)
				.body()
				.get("value");
			assertThat(audit).hasSize(1);
			assertThat(audit.get(0).get("activityDisplayName").asString())
				.isEqualTo("Update temporary access pass policy");
			assertThat(readerPost.statusCode()).isEqualTo(403);
			assertThat(signedIn(reader).get(page).body()).contains("You can read the policy", "value=\"90\"")
				.doesNotContain(">Save<");
			assertThat(this.passes.policy().state()).isEqualTo(AuthenticationMethodState.ENABLED);
		}
		finally {
			this.passes.updatePolicy(before);
		}
	}

	/**
	 * A browser without JavaScript: cookies, and a CSRF token read from the last form.
	 */
	final class Session {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf)
				throws IOException, InterruptedException {
			StringBuilder body = new StringBuilder(form.entrySet()
				.stream()
				.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&")));
			if (withCsrf) {
				Matcher token = CSRF.matcher(get("/login").body());
				assertThat(token.find()).isTrue();
				body.append("&_csrf=").append(encode(token.group(1)));
			}
			return this.http.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + PortalPagesIntegrationTests.this.port + path);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
