package io.keyfob.graphapi;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.core.GrantedAuthority;

/**
 * Says which permissions a refused request needed, read from the refusal itself.
 */
final class DeniedMessages {

	private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

	private DeniedMessages() {
	}

	static String of(AccessDeniedException exception) {
		Set<String> needed = needed(exception);
		if (needed.isEmpty()) {
			return "Insufficient privileges to complete the operation.";
		}
		return "Insufficient privileges to complete the operation: this needs one of the permissions "
				+ String.join(", ", needed) + ". An application needs it granted; a user needs it in the token's "
				+ "scopes and from a directory role (see docs/api.md).";
	}

	private static Set<String> needed(AccessDeniedException exception) {
		Set<String> needed = new LinkedHashSet<>();
		if (exception instanceof AuthorizationDeniedException denied) {
			AuthorizationResult result = denied.getAuthorizationResult();
			if (result instanceof AuthorityAuthorizationDecision authorities) {
				authorities.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(needed::add);
			}
			else if (result instanceof ExpressionAuthorizationDecision expression) {
				Matcher quoted = QUOTED.matcher(expression.getExpression().getExpressionString());
				while (quoted.find()) {
					needed.add(quoted.group(1));
				}
			}
		}
		return needed;
	}

}
