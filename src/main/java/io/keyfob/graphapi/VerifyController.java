package io.keyfob.graphapi;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.authmethod.MethodLock;
import io.keyfob.authmethod.Verification;
import io.keyfob.authmethod.VerificationContext;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verify API for integrations (VPN and RADIUS bridges, applications):
 * {@code POST /api/v1/verify} with {@code {"userPrincipalName", "code"}}, for
 * applications granted {@code HardwareOath.Verify}. Always {@code 200} with
 * {@code {"result": "accepted" | "rejected" | "locked"}}; a locked answer adds
 * {@code retryAfterSeconds} and the {@code Retry-After} header. An unknown user, a user
 * without a usable token, a malformed, wrong or used code all answer {@code "rejected"},
 * after about the same work.
 */
@RestController
class VerifyController {

	private final Directory directory;

	private final HardwareOathMethods methods;

	private final Clock clock;

	VerifyController(Directory directory, HardwareOathMethods methods, Clock clock) {
		this.directory = directory;
		this.methods = methods;
		this.clock = clock;
	}

	@PostMapping("/api/v1/verify")
	@PreAuthorize("hasAuthority('HardwareOath.Verify')")
	ResponseEntity<Map<String, Object>> verify(@RequestBody VerifyRequest body, GraphCaller caller,
			HttpServletRequest request) {
		if (!caller.isApplication()) {
			throw new KeyfobException(ErrorKind.FORBIDDEN, "Authorization_RequestDenied",
					"The verify API is for applications granted HardwareOath.Verify: use a client credentials token.");
		}
		if (body.userPrincipalName() == null || body.userPrincipalName().isBlank() || body.code() == null) {
			throw new KeyfobException(ErrorKind.INVALID, "invalidRequest",
					"Send {\"userPrincipalName\": \"...\", \"code\": \"...\"}: both are required.");
		}
		VerificationContext context = new VerificationContext(VerificationContext.Channel.VERIFY_API, caller.clientId(),
				request.getRemoteAddr());
		User user = this.directory.findUserByPrincipalName(body.userPrincipalName().strip())
			.filter(User::accountEnabled)
			.orElse(null);
		Verification verification = (user != null) ? this.methods.verify(user.id(), body.code(), context)
				: this.methods.verifyUnknownUser(body.code(), context);
		return answer(verification);
	}

	private ResponseEntity<Map<String, Object>> answer(Verification verification) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("result", verification.outcome().name().toLowerCase(Locale.ROOT));
		if (verification.outcome() != Verification.Outcome.LOCKED || verification.retryAt() == null) {
			return ResponseEntity.ok(result);
		}
		if (MethodLock.ADMIN_UNLOCK.equals(verification.retryAt())) {
			result.put("adminUnlockRequired", true);
			return ResponseEntity.ok(result);
		}
		long seconds = Math.max(1, Duration.between(this.clock.instant(), verification.retryAt()).toSeconds() + 1);
		result.put("retryAfterSeconds", seconds);
		return ResponseEntity.ok().header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(result);
	}

	/**
	 * The request body.
	 *
	 * @param userPrincipalName the user's sign-in name
	 * @param code the code as the user typed it
	 */
	record VerifyRequest(@Nullable String userPrincipalName, @Nullable String code) {

		@Override
		public String toString() {
			return "VerifyRequest[userPrincipalName=" + this.userPrincipalName + "]";
		}

	}

}
