package io.keyfob.portal.web;

import java.time.Instant;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals in plain words, next to the right field; a user is never told that someone
 * else holds a token.
 */
class MethodProblemsTests {

	private final MethodProblems problems = new MethodProblems(
			new Dates(new MutableClock(Instant.parse("2026-11-26T12:00:10Z"))));

	@Test
	void explainWhenSerialUnknownThenNextToTheSerialNumber() {
		Problem problem = this.problems.explain(refusal("serialNumberNotFound"), "code", true);
		assertThat(problem.field()).isEqualTo(MethodProblems.SERIAL);
		assertThat(problem.message()).startsWith("No available token has this serial number")
			.contains("ask your helpdesk");
	}

	@Test
	void explainWhenTokenHeldThenUserHearsItIsTheirsAndAdminHearsToUnassign() {
		assertThat(this.problems.explain(refusal("tokenAlreadyAssigned"), "code", true).message())
			.isEqualTo("This token is already one of your sign-in methods.");
		assertThat(this.problems.explain(refusal("tokenAlreadyAssigned"), "code", false).message())
			.contains("Unassign it first");
	}

	@Test
	void explainWhenNextCodeNeededThenNextToTheCode() {
		Problem problem = this.problems.explain(refusal("additionalCodeRequired"), "code", true);
		assertThat(problem.field()).isEqualTo("code");
		assertThat(problem.message()).contains("far from ours", "enter that code too");
	}

	@Test
	void explainWhenPolicyOffOrLimitReachedThenForTheWholeForm() {
		assertThat(this.problems.explain(refusal("policyDisabledForUser"), "code", true).field()).isNull();
		assertThat(this.problems.explain(refusal("methodLimitReached"), "code", true).message())
			.contains("Remove one before adding another");
	}

	@Test
	void explainWhenUnknownCodeThenGenericWordsNeverTheMessage() {
		Problem problem = this.problems
			.explain(new KeyfobException(ErrorKind.CONFLICT, "somethingNew", "internal detail 42"), "code", true);
		assertThat(problem.message()).doesNotContain("internal detail").contains("try again");
	}

	private static KeyfobException refusal(String code) {
		return new KeyfobException(ErrorKind.INVALID, code, "message for the API");
	}

}
