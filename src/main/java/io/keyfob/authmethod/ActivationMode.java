package io.keyfob.authmethod;

/**
 * How activation treats a first code that matches only far from the token's expected
 * clock ({@code keyfob.activation.mode}).
 */
public enum ActivationMode {

	/**
	 * Keyfob's default: a code in the narrow window activates; one that matches only in
	 * the wide window (±1 day of 30 s steps) asks for the next code, which must match at
	 * the same drift ({@code additionalCodeRequired}).
	 */
	STRICT,

	/** As Entra: one code anywhere in the wide window activates. */
	ENTRA

}
