package io.keyfob.graphapi;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import io.keyfob.authmethod.CodeOutcome;
import io.keyfob.authmethod.CodeVerification;
import io.keyfob.authmethod.MethodEvents;
import io.keyfob.authmethod.UserReference;
import io.keyfob.authmethod.VerificationContext;
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
 * after about the same work, and meet the same throttle and lock. A client sending more
 * than {@code keyfob.verify.client-rate-limit} codes per second gets {@code 429}.
 * <p>
 * A Temporary Access Pass in place of the code is refused like a malformed code, unless
 * the pass policy's Keyfob setting {@code usableForVerify} allows it; then a value that
 * is not 6 or 8 digits is checked as the user's pass, under the same lockout.
 */
@RestController
class VerifyController {

	private final CodeVerification verification;

	private final Clock clock;

	VerifyController(CodeVerification verification, Clock clock) {
		this.verification = verification;
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
		return answer(
				this.verification.verify(UserReference.principalName(body.userPrincipalName()), body.code(), context));
	}

	private ResponseEntity<Map<String, Object>> answer(CodeOutcome outcome) {
		return outcome.match(new CodeOutcome.Cases<>() {

			@Override
			public ResponseEntity<Map<String, Object>> accepted(CodeOutcome.Accepted accepted) {
				return ResponseEntity.ok(Map.of("result", "accepted"));
			}

			@Override
			public ResponseEntity<Map<String, Object>> rejected(CodeOutcome.Rejected rejected) {
				return ResponseEntity.ok(Map.of("result", "rejected"));
			}

			@Override
			public ResponseEntity<Map<String, Object>> locked(CodeOutcome.Locked locked) {
				long seconds = Math.max(1,
						Duration.between(VerifyController.this.clock.instant(), locked.until()).toSeconds() + 1);
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("result", "locked");
				result.put("retryAfterSeconds", seconds);
				return ResponseEntity.ok().header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(result);
			}

			@Override
			public ResponseEntity<Map<String, Object>> lockedUntilAdmin(CodeOutcome.LockedUntilAdmin locked) {
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("result", "locked");
				result.put("adminUnlockRequired", true);
				return ResponseEntity.ok(result);
			}

			@Override
			public ResponseEntity<Map<String, Object>> additionalCodeRequired(
					CodeOutcome.AdditionalCodeRequired additional) {
				// activation only; a sign-in code never asks for a second one
				return rejected(new CodeOutcome.Rejected(0, MethodEvents.Reason.WRONG));
			}

		});
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
