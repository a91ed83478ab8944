package io.keyfob.signin;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;

/**
 * Spring Security's authentication events, which the audit log records as password
 * sign-ins: Spring Boot's default publisher, plus an event for a throttled sign-in, which
 * it would otherwise drop (it publishes only for exception types it knows). Every attempt
 * at {@code /login} is then in the sign-in log, the throttled ones too.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationEventsConfiguration {

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		publisher.setAdditionalExceptionMappings(Map.of(DirectoryAuthenticationProvider.SignInThrottledException.class,
				AuthenticationFailureLockedEvent.class));
		return publisher;
	}

}
