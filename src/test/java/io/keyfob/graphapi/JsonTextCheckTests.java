package io.keyfob.graphapi;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextCheckTests {

	@Test
	void problemWhenNulOrUnpairedSurrogateEscapedOrRawThenNamed() {
		assertThat(scan("{\"upn\":\"a\\u0000b\"}")).isEqualTo("a NUL character (U+0000)");
		assertThat(scan("{\"upn\":\"a\\uD800b\"}")).isEqualTo("an unpaired surrogate (U+D800)");
		assertThat(scan("{\"upn\":\"a\\udc01\"}")).isEqualTo("an unpaired surrogate (U+DC01)");
		assertThat(scan("{\"upn\":\"a\\ud800\\u0041\"}")).isEqualTo("an unpaired surrogate (U+D800)");
		assertThat(scan("{\"upn\":\"a\\ud800")).isEqualTo("an unpaired surrogate (U+D800)");
		assertThat(scan(new byte[] { '"', 'a', 0, '"' })).isEqualTo("a NUL character (U+0000)");
		assertThat(scan(new byte[] { '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"' }))
			.isEqualTo("an unpaired surrogate (U+D800)");
	}

	@Test
	void problemWhenOrdinaryTextPairsOrEscapedBackslashThenNone() {
		assertThat(scan("{\"name\":\"Zoë \\ud83d\\ude00 漢字 \\\\u0000 \\n \\\"\\u0041\"}")).isNull();
		assertThat(scan("{\"name\":\"\uD55C\"}")).isNull();
	}

	private static @Nullable String scan(String json) {
		return scan(json.getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable String scan(byte[] bytes) {
		JsonTextCheck check = new JsonTextCheck();
		for (byte b : bytes) {
			if (!check.accept(b & 0xFF)) {
				break;
			}
		}
		return check.problemAtEnd();
	}

}
