package io.keyfob.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft's {@code .default} scope.
 */
class DefaultScopeConverterTests {

	@Test
	void isDefaultWhenDotDefaultWithOrWithoutResourceThenTrue() {
		assertThat(DefaultScopeConverter.isDefault(".default")).isTrue();
		assertThat(DefaultScopeConverter.isDefault("https://graph.microsoft.com/.default")).isTrue();
		assertThat(DefaultScopeConverter.isDefault("Policy.Read.All")).isFalse();
		assertThat(DefaultScopeConverter.isDefault("x.default")).isFalse();
	}

}
