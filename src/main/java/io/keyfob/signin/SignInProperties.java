package io.keyfob.signin;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code keyfob.signin}.
 *
 * @param issuer the issuer URL of tokens, for example {@code https://keyfob.example.org};
 * when unset, the URL each request came in on (set it when several host names reach
 * Keyfob)
 * @param accessTokenTimeToLive how long an access token is valid; an application's
 * changed permissions and a deleted application take effect at once, but a token already
 * issued keeps its scopes until it expires
 */
@ConfigurationProperties("keyfob.signin")
record SignInProperties(@Nullable String issuer, @DefaultValue("30m") Duration accessTokenTimeToLive) {
}
