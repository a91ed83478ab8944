package io.keyfob.authmethod;

import java.time.Duration;
import java.util.UUID;

import io.keyfob.support.MutableClock;
import io.keyfob.token.CheckWindow;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code keyfob.activation.mode=entra}: one code anywhere in the wide window activates,
 * as in Entra.
 */
@SpringBootTest(properties = "keyfob.activation.mode=entra")
@Import(MethodTestConfiguration.class)
class EntraActivationIntegrationTests {

	@Autowired
	HardwareOathActivations activations;

	@Autowired
	TokenInventory inventory;

	@Autowired
	TestUserRules users;

	@Autowired
	MutableClock clock;

	@Test
	void activateWhenTokenTwentyHoursOffThenOneCodeActivates() {
		UUID user = this.users.newUser();
		TestTokens token = TestTokens.totp(this.inventory);
		Actor self = Actor.self(user, null);
		this.activations.assignAndActivate(self, user, token.id(),
				token.codeAt(this.clock.instant(), Duration.ofHours(-20)), null);
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.ACTIVATED);
		assertThat(this.inventory.get(token.id()).driftSteps()).isEqualTo(-2400);
	}

	@Test
	void activateWhenTokenMoreThanADayOffThenInvalidVerificationCode() {
		UUID user = this.users.newUser();
		TestTokens token;
		String code;
		do {
			token = TestTokens.totp(this.inventory);
			code = token.codeAt(this.clock.instant(), Duration.ofHours(25));
		}
		while (token.showsWithin(code, this.clock.instant(), CheckWindow.ACTIVATION_RADIUS));
		UUID tokenId = token.id();
		String tooFar = code;
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.assignAndActivate(Actor.self(user, null), user, tokenId, tooFar, null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalidVerificationCode"));
	}

}
