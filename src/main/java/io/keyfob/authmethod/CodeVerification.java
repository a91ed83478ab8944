package io.keyfob.authmethod;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.keyfob.token.CheckableToken;
import io.keyfob.token.TokenCodes;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one way to check a sign-in code: the web sign-in's code step, the verify API and
 * RADIUS all call {@link #verify}. It finds the user, applies the disabled-account rule
 * and the method policy, checks the code against the user's activated tokens under their
 * lock rules, and writes the sign-in log entry in the same transaction as the answer. A
 * Temporary Access Pass sent in place of a code, where the pass policy allows it, goes to
 * {@link PassGuard} instead, which does the same for the pass.
 * <p>
 * Callers cannot tell an unknown user, a disabled account, a user without a usable token,
 * and a wrong or used code apart: all are {@link CodeOutcome.Rejected}, after about the
 * same work, and wrong codes for a user without a token or an unknown name meet the same
 * throttle and lock ({@link CodeOutcome.Locked}) as for a token.
 */
@Service
public class CodeVerification {

	private final UserRules users;

	private final TokenCodes codes;

	private final SignInVerification signIn;

	private final ClientRateLimit clients;

	private final VerificationMetrics metrics;

	private final GroupCommit commits;

	private final PassGuard passGuard;

	private final ObjectProvider<PassGuard.Passes> passes;

	private final DummyCheck dummy = new DummyCheck();

	CodeVerification(UserRules users, TokenCodes codes, SignInVerification signIn, ClientRateLimit clients,
			VerificationMetrics metrics, GroupCommit commits, PassGuard passGuard,
			ObjectProvider<PassGuard.Passes> passes) {
		this.users = users;
		this.codes = codes;
		this.signIn = signIn;
		this.clients = clients;
		this.metrics = metrics;
		this.commits = commits;
		this.passGuard = passGuard;
		this.passes = passes;
	}

	/**
	 * Check a sign-in code. The answer is durable (the code used up, the failure counted,
	 * the sign-in log entry written) when this returns.
	 * @param user the user, by id or by sign-in name
	 * @param code the code as typed
	 * @param context where the code came from (channel, client, address)
	 * @return accepted, rejected, locked or locked until an admin unlocks; never
	 * {@link CodeOutcome.AdditionalCodeRequired}
	 * @throws io.keyfob.shared.KeyfobException {@code tooManyRequests} when the client
	 * sent more codes than {@code keyfob.verify.client-rate-limit} allows
	 */
	public CodeOutcome verify(UserReference user, String code, VerificationContext context) {
		this.clients.acquire(context);
		PassGuard.Passes pass = passInPlaceOfCode(code, context);
		if (pass != null) {
			return this.metrics.time(context, () -> this.passGuard.attempt(user, pass.check(code), context).outcome());
		}
		return this.metrics.time(context, () -> this.commits.run(() -> check(user, code, context)));
	}

	/**
	 * The passes, when the verify API or RADIUS sent something that is not a code and the
	 * pass policy lets them take a Temporary Access Pass in its place; the sign-in page
	 * has a pass step of its own.
	 */
	private PassGuard.@Nullable Passes passInPlaceOfCode(String code, VerificationContext context) {
		if (context.channel() == VerificationContext.Channel.SIGN_IN || TypedCode.tryParse(code) != null) {
			return null;
		}
		PassGuard.Passes available = this.passes.getIfAvailable();
		return (available != null && available.usableForVerify()) ? available : null;
	}

	private CodeOutcome check(UserReference user, String code, VerificationContext context) {
		TypedCode typed = TypedCode.tryParse(code);
		UUID userId = this.users.enabledUser(user).orElse(null);
		UUID key = (userId != null) ? userId : key(user);
		// an unknown name's key holds no token: the same query, the same work
		List<CheckableToken> methods = this.codes.activatedFor(key);
		if (userId == null || !this.users.isMethodEnabledFor(userId)) {
			methods = List.of();
		}
		if (typed == null) {
			this.dummy.run(null);
			return this.signIn.malformed(userId, context);
		}
		if (methods.isEmpty()) {
			this.dummy.run(typed.code());
			return this.signIn.refuse(userId, key, typed, context);
		}
		return this.signIn.verify(userId, methods, typed, context);
	}

	/** The key under which an unknown name's wrong codes are counted. */
	static UUID key(UserReference user) {
		if (user instanceof UserReference.ById byId) {
			return byId.id();
		}
		String name = ((UserReference.ByPrincipalName) user).userPrincipalName().toLowerCase(Locale.ROOT);
		return UUID.nameUUIDFromBytes(("unknown-user:" + name).getBytes(StandardCharsets.UTF_8));
	}

}
