package io.keyfob.graphapi;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the policy root's {@code authenticationMethodConfigurations}: a bean per
 * method Keyfob serves (hardwareOath, and whatever method is added later), so the root
 * lists them without knowing each one.
 */
public interface AuthenticationMethodConfiguration {

	/**
	 * The configuration as Graph serves it in the policy root, with its
	 * {@code @odata.type} and {@code id}.
	 * @return the properties, in order
	 */
	Map<String, @Nullable Object> representation();

}
