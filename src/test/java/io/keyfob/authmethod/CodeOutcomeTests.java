package io.keyfob.authmethod;

import java.time.Instant;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The one answer about a code and how a refusal names it, without Spring: every kind of
 * outcome reaches its own case, and a refused activation or resync code carries the Graph
 * error code and HTTP kind that adapters show, with no secret in the message.
 */
class CodeOutcomeTests {

	static final Instant UNTIL = Instant.parse("2026-11-24T12:15:00Z");

	@Test
	void matchWhenEachKindThenItsOwnCase() {
		assertThat(new CodeOutcome.Accepted(UUID.randomUUID()).match(NAMES)).isEqualTo("accepted");
		assertThat(new CodeOutcome.Rejected(3, Reason.WRONG).match(NAMES)).isEqualTo("rejected");
		assertThat(new CodeOutcome.Locked(UNTIL).match(NAMES)).isEqualTo("locked");
		assertThat(new CodeOutcome.LockedUntilAdmin().match(NAMES)).isEqualTo("lockedUntilAdmin");
		assertThat(new CodeOutcome.AdditionalCodeRequired().match(NAMES)).isEqualTo("additionalCodeRequired");
	}

	@Test
	void acceptedWhenOnlyAcceptedThenTrue() {
		assertThat(new CodeOutcome.Accepted(UUID.randomUUID()).accepted()).isTrue();
		assertThat(new CodeOutcome.Rejected(3, Reason.WRONG).accepted()).isFalse();
		assertThat(new CodeOutcome.Locked(UNTIL).accepted()).isFalse();
	}

	@Test
	void constructWhenShortFormsThenNeitherThrottled() {
		assertThat(new CodeOutcome.Rejected(3, Reason.WRONG).throttled()).isFalse();
		assertThat(new CodeOutcome.Locked(UNTIL).throttle()).isFalse();
	}

	@Test
	void refusalWhenWrongCodeThenInvalidVerificationCodeWithAttemptsLeft() {
		CodeRefusedException refused = new CodeRefusedException(new CodeOutcome.Rejected(4, Reason.WRONG));
		assertThat(refused.code()).isEqualTo("invalidVerificationCode");
		assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID);
		assertThat(refused.getMessage()).contains("4 more wrong codes");
	}

	@Test
	void refusalWhenLockedEitherWayThenMethodLockedAndTooManyRequests() {
		CodeRefusedException locked = new CodeRefusedException(new CodeOutcome.Locked(UNTIL));
		CodeRefusedException untilAdmin = new CodeRefusedException(new CodeOutcome.LockedUntilAdmin());
		assertThat(locked.code()).isEqualTo("methodLocked");
		assertThat(locked.kind()).isEqualTo(ErrorKind.TOO_MANY_REQUESTS);
		assertThat(locked.getMessage()).contains(UNTIL.toString());
		assertThat(untilAdmin.code()).isEqualTo("methodLocked");
		assertThat(untilAdmin.kind()).isEqualTo(ErrorKind.TOO_MANY_REQUESTS);
		assertThat(untilAdmin.getMessage()).contains("administrator");
	}

	@Test
	void refusalWhenNextCodeNeededThenAdditionalCodeRequired() {
		CodeRefusedException refused = new CodeRefusedException(new CodeOutcome.AdditionalCodeRequired());
		assertThat(refused.code()).isEqualTo("additionalCodeRequired");
		assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID);
	}

	@Test
	void refusalWhenAcceptedThenNoRefusal() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CodeRefusedException(new CodeOutcome.Accepted(UUID.randomUUID())));
	}

	private static final CodeOutcome.Cases<String> NAMES = new CodeOutcome.Cases<>() {

		@Override
		public String accepted(CodeOutcome.Accepted accepted) {
			return "accepted";
		}

		@Override
		public String rejected(CodeOutcome.Rejected rejected) {
			return "rejected";
		}

		@Override
		public String locked(CodeOutcome.Locked locked) {
			return "locked";
		}

		@Override
		public String lockedUntilAdmin(CodeOutcome.LockedUntilAdmin locked) {
			return "lockedUntilAdmin";
		}

		@Override
		public String additionalCodeRequired(CodeOutcome.AdditionalCodeRequired additional) {
			return "additionalCodeRequired";
		}

	};

}
