package io.keyfob.authmethod;

import io.keyfob.shared.KeyfobException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * One client of the verify API cannot send more than its share; others and the web
 * sign-in are not held back by it.
 */
class ClientRateLimitTests {

	private static final VerificationContext VPN = new VerificationContext(VerificationContext.Channel.VERIFY_API,
			"vpn", "127.0.0.1");

	private static final VerificationContext OTHER = new VerificationContext(VerificationContext.Channel.VERIFY_API,
			"radius", "127.0.0.1");

	private static final VerificationContext SIGN_IN = new VerificationContext(VerificationContext.Channel.SIGN_IN,
			"vpn", "127.0.0.1");

	@Test
	void acquireWhenClientOverItsLimitThenTooManyRequestsCountedAndOthersUnaffected() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ClientRateLimit limit = new ClientRateLimit(5, meters);
		for (int i = 0; i < 5; i++) {
			limit.acquire(VPN);
		}
		assertThatExceptionOfType(KeyfobException.class).isThrownBy(() -> limit.acquire(VPN))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("tooManyRequests"));
		assertThat(meters.counter(ClientRateLimit.THROTTLED).count()).isEqualTo(1);
		assertThatNoException().isThrownBy(() -> limit.acquire(OTHER));
		assertThatNoException().isThrownBy(() -> limit.acquire(SIGN_IN));
	}

	@Test
	void acquireWhenLimitIsZeroThenNeverRefused() {
		ClientRateLimit limit = new ClientRateLimit(0, new SimpleMeterRegistry());
		for (int i = 0; i < 1000; i++) {
			limit.acquire(VPN);
		}
		assertThat(limit).isNotNull();
	}

}
