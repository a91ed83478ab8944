package io.keyfob.otp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CodeWindowTests {

	@Test
	void aroundWhenSignInWindowThenFiveStepsCentredOnExpectedStep() {
		assertThat(CodeWindow.around(37037037, 2)).isEqualTo(new CodeWindow(37037035, 37037039, 37037037))
			.extracting(CodeWindow::size)
			.isEqualTo(5);
	}

	@Test
	void aroundWhenNearZeroThenCutOffAtZero() {
		assertThat(CodeWindow.around(1, 2)).isEqualTo(new CodeWindow(0, 3, 1));
	}

	@Test
	void aheadWhenHotpLookAheadThenStartsAtNextCounter() {
		assertThat(CodeWindow.ahead(10, 10)).isEqualTo(new CodeWindow(10, 20, 10))
			.extracting(CodeWindow::size)
			.isEqualTo(11);
	}

	@Test
	void betweenWhenEvenSizeThenPrefersLowerMiddle() {
		assertThat(CodeWindow.between(0, 3).centre()).isEqualTo(1);
		assertThat(CodeWindow.between(0, 4).centre()).isEqualTo(2);
		assertThat(CodeWindow.between(7, 7).centre()).isEqualTo(7);
	}

	@Test
	void newWhenBoundsOutOfOrderOrNegativeThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.between(5, 4))
			.withMessage("A window needs 0 <= from <= toInclusive, was 5 to 4");
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.between(-1, 4))
			.withMessage("A window needs 0 <= from <= toInclusive, was -1 to 4");
		assertThatIllegalArgumentException().isThrownBy(() -> new CodeWindow(0, 4, 5))
			.withMessage("The centre must lie inside the window");
	}

	@Test
	void newWhenLargerThanMaximumThenRejected() {
		assertThat(CodeWindow.between(0, CodeWindow.MAX_SIZE - 1).size()).isEqualTo(CodeWindow.MAX_SIZE);
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.between(0, CodeWindow.MAX_SIZE))
			.withMessage("A window holds at most 100000 values");
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.between(0, Long.MAX_VALUE))
			.withMessage("A window holds at most 100000 values");
	}

	@Test
	void aroundWhenActivationWindowOfTwoDaysThenFits() {
		assertThat(CodeWindow.around(1_000_000, 2880).size()).isEqualTo(5761);
	}

	@Test
	void aroundAndAheadWhenBeyondLongMaxValueThenRejected() {
		assertThat(CodeWindow.ahead(Long.MAX_VALUE - 10, 10).toInclusive()).isEqualTo(Long.MAX_VALUE);
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.ahead(Long.MAX_VALUE - 9, 10))
			.withMessage("A window may not reach beyond Long.MAX_VALUE");
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.around(Long.MAX_VALUE, 1))
			.withMessage("A window may not reach beyond Long.MAX_VALUE");
	}

	@Test
	void aroundAndAheadWhenNegativeArgumentThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.around(10, -1))
			.withMessage("radius must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.around(-10, 1))
			.withMessage("centre must not be negative, was -10");
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.ahead(10, -1))
			.withMessage("lookAhead must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> CodeWindow.ahead(-1, 10))
			.withMessage("A window needs 0 <= from <= toInclusive, was -1 to 9");
	}

}
