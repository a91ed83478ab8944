package io.keyfob.shared;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaitsTests {

	@Test
	void ofWhenSecondsMinutesOrHoursThenRoundedUpInTheLargestFittingUnit() {
		assertThat(Waits.of(Duration.ZERO)).isEqualTo("1 second");
		assertThat(Waits.of(Duration.ofMillis(4_100))).isEqualTo("5 seconds");
		assertThat(Waits.of(Duration.ofSeconds(30))).isEqualTo("30 seconds");
		assertThat(Waits.of(Duration.ofSeconds(91))).isEqualTo("2 minutes");
		assertThat(Waits.of(Duration.ofMinutes(15))).isEqualTo("15 minutes");
		assertThat(Waits.of(Duration.ofMinutes(60))).isEqualTo("60 minutes");
		assertThat(Waits.of(Duration.ofHours(24))).isEqualTo("24 hours");
	}

}
