package io.keyfob.graphapi;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API explorer: the OpenAPI description lists the endpoints with an OAuth2
 * authorization-code scheme on Keyfob's own server, Swagger UI is served at
 * {@code /api-explorer}, and the explorer's public client may start a PKCE sign-in with
 * its redirect URI.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiExplorerIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void apiDocsWhenReadWithoutTokenThenListEndpointsAndTheOAuthScheme() throws Exception {
		HttpResponse<String> docs = get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		JsonNode openApi = JsonMapper.builder().build().readTree(docs.body());
		assertThat(openApi.get("paths").propertyNames()).contains("/beta/auditLogs/directoryAudits",
				"/beta/auditLogs/signIns", "/beta/directory/authenticationMethodDevices/hardwareOathDevices",
				"/beta/users");
		JsonNode flow = openApi.get("components")
			.get("securitySchemes")
			.get("keyfob")
			.get("flows")
			.get("authorizationCode");
		assertThat(flow.get("authorizationUrl").asString()).isEqualTo("/oauth2/authorize");
		assertThat(flow.get("tokenUrl").asString()).isEqualTo("/oauth2/token");
		assertThat(flow.get("scopes").propertyNames()).contains("AuditLog.Read.All", "User.Read");

		JsonNode list = openApi.get("paths")
			.get("/beta/directory/authenticationMethodDevices/hardwareOathDevices")
			.get("get");
		assertThat(list.get("tags").get(0).asString()).isEqualTo("Hardware OATH tokens (inventory)");
		assertThat(list.get("parameters").toString())
			.contains("\"$filter\"", "\"$select\"", "\"$top\"", "\"$count\"", "\"$skiptoken\"")
			.doesNotContain("additionalProp");
		assertThat(docs.body()).doesNotContain("-controller\"");
		// nothing the explorer would ask for that the API reads elsewhere: the caller
		// comes
		// from the token, and the upload's options are its multipart fields, not a map
		assertThat(docs.body()).doesNotContain("GraphCaller", "\"caller\"", "\"graphCaller\"");
		JsonNode upload = openApi.get("paths").get("/api/v1/seed-imports").get("post");
		assertThat(upload.has("parameters")).isFalse();
		assertThat(upload.get("requestBody")
			.get("content")
			.get("multipart/form-data")
			.get("schema")
			.get("properties")
			.propertyNames()).contains("file", "secretEncoding", "password", "model", "dryRun");
	}

	@Test
	void apiExplorerWhenOpenedThenSwaggerUiWithTheExplorerClient() throws Exception {
		HttpResponse<String> explorer = get("/api-explorer");
		assertThat(explorer.statusCode()).isEqualTo(302);
		String location = explorer.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/swagger-ui/index.html");
		assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
		assertThat(get("/swagger-ui/swagger-initializer.js").body()).contains("keyfob-api-explorer")
			.contains("usePkceWithAuthorizationCodeGrant");
		assertThat(get("/swagger-ui/swagger-initializer.js").body() + get("/v3/api-docs/swagger-config").body())
			.contains("Policy.ReadWrite.AuthenticationMethod");
		// a public client with PKCE has no secret: the sign-in dialog hides the box
		assertThat(get("/swagger-ui/index.css").body()).contains("client_secret_");
	}

	@Test
	void authorizeWhenExplorerClientWithPkceThenSentToSignIn() throws Exception {
		String redirect = "http://127.0.0.1:" + this.port + "/swagger-ui/oauth2-redirect.html";
		HttpResponse<String> authorize = get(
				"/oauth2/authorize?response_type=code&client_id=keyfob-api-explorer" + "&redirect_uri="
						+ URLEncoder.encode(redirect, StandardCharsets.UTF_8)
						+ "&scope=openid%20AuditLog.Read.All&state=s1"
						+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
				"text/html");
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(path, "*/*");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
