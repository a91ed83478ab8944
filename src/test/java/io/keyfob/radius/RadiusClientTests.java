package io.keyfob.radius;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm rules that turn a User-Name into a user principal name.
 */
class RadiusClientTests {

	@Test
	void principalNameWhenRealmRulesThenStrippedAndAppended() {
		RadiusClient neither = client(false, null);
		assertThat(neither.principalName(" alice@example.org ")).isEqualTo("alice@example.org");
		RadiusClient strip = client(true, null);
		assertThat(strip.principalName("alice@corp")).isEqualTo("alice");
		assertThat(strip.principalName("CORP\\alice")).isEqualTo("alice");
		RadiusClient both = client(true, "example.org");
		assertThat(both.principalName("alice@corp")).isEqualTo("alice@example.org");
		assertThat(both.principalName("CORP\\alice")).isEqualTo("alice@example.org");
		RadiusClient append = client(false, "example.org");
		assertThat(append.principalName("alice")).isEqualTo("alice@example.org");
		assertThat(append.principalName("alice@other.org")).isEqualTo("alice@other.org");
	}

	private static RadiusClient client(boolean strip, String append) {
		return new RadiusClient(UUID.randomUUID(), "NAS", "192.0.2.1", RadiusMode.CODE_ONLY, true, strip, append,
				Instant.EPOCH);
	}

}
