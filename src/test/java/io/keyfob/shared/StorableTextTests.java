package io.keyfob.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTests {

	@Test
	void problemWhenNulOrLoneSurrogateThenNamed() {
		assertThat(StorableText.problem("a\u0000b")).isEqualTo("a NUL character (U+0000)");
		assertThat(StorableText.problem("a\ud800")).isEqualTo("an unpaired surrogate (U+D800)");
		assertThat(StorableText.problem("\udc00x")).isEqualTo("an unpaired surrogate (U+DC00)");
		assertThat(StorableText.problem("\ud83d\ude00 Zoë 漢字")).isNull();
		assertThat(StorableText.storable("")).isTrue();
	}

}
