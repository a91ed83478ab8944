package io.keyfob.graphapi;

import java.util.EnumSet;

import io.keyfob.directory.GraphPermission;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description behind the API explorer (Swagger UI at {@code /api-explorer},
 * the description at {@code /v3/api-docs}): every endpoint under {@code /beta} and
 * {@code /api}, and one OAuth2 security scheme that signs in through Keyfob's own
 * authorization server with the authorization code flow and PKCE, as the built-in public
 * client {@code keyfob-api-explorer}. The scopes offered are the Graph permission names;
 * what a signed-in user may do is still limited by their roles.
 */
@Configuration(proxyBeanMethods = false)
class ApiExplorerConfiguration {

	static final String SCHEME = "keyfob";

	static {
		// the caller is read from the access token, not sent: no "caller" parameter to
		// fill in
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(GraphCaller.class);
	}

	@Bean
	OpenAPI keyfobOpenApi() {
		Scopes scopes = new Scopes();
		GraphPermission.scopes(EnumSet.allOf(GraphPermission.class))
			.stream()
			.sorted()
			.forEach((scope) -> scopes.addString(scope, "Graph permission " + scope));
		OAuthFlow authorizationCode = new OAuthFlow().authorizationUrl("/oauth2/authorize")
			.tokenUrl("/oauth2/token")
			.scopes(scopes);
		return new OpenAPI()
			.info(new Info().title("Keyfob API")
				.version("beta")
				.description("Microsoft Graph compatible hardware OATH token API (/beta) and Keyfob's own API "
						+ "(/api). Sign in with 'Authorize': the explorer uses the authorization code flow with "
						+ "PKCE as the public client keyfob-api-explorer. Scripts use client credentials."))
			.components(new Components().addSecuritySchemes(SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
						.description("Keyfob's authorization server")
						.flows(new OAuthFlows().authorizationCode(authorizationCode))))
			.addSecurityItem(new SecurityRequirement().addList(SCHEME));
	}

}
