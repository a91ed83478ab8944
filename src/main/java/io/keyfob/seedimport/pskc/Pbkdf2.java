package io.keyfob.seedimport.pskc;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Derives a PSKC encryption key from a password (RFC 6030 §6.2): PBKDF2 (RFC 8018) with
 * the salt, iteration count, key length and pseudo-random function of the file's
 * {@code xenc11:DerivedKey}. The {@code PBKDF2-params} element and its children come in
 * the PKCS #5 namespace, the XML Encryption 1.1 namespace or none (RFC 6030 Figure 7
 * itself mixes them), so they are found by local name.
 */
final class Pbkdf2 {

	/** A file could otherwise make each upload cost minutes of CPU. */
	static final int MAX_ITERATIONS = 5_000_000;

	private Pbkdf2() {
	}

	/**
	 * Derives the key.
	 * @param derivedKey the {@code xenc11:DerivedKey} element
	 * @param password the password
	 * @return the derived key
	 * @throws SeedFileRejected if the parameters are missing, unsupported or out of
	 * bounds
	 */
	static byte[] deriveKey(Element derivedKey, char[] password) {
		Element method = Dom.child(derivedKey, Pskc.XENC11, "KeyDerivationMethod");
		String algorithm = (method != null) ? Dom.attribute(method, "Algorithm") : null;
		if (!Pskc.PBKDF2.equals(algorithm)) {
			throw new SeedFileRejected(Problem.UNSUPPORTED, "This file derives its key with " + algorithm
					+ ", which Keyfob does not support: it supports PBKDF2 (RFC 6030 §6.2)");
		}
		Element params = Dom.childNamed(method, "PBKDF2-params");
		byte[] salt = salt(Dom.childNamed(Dom.childNamed(params, "Salt"), "Specified"));
		int iterations = number(params, "IterationCount", 1, MAX_ITERATIONS);
		int keyLength = number(params, "KeyLength", 16, 32);
		String prf = prf(Dom.childNamed(params, "PRF"));
		PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyLength * 8);
		try {
			return SecretKeyFactory.getInstance("PBKDF2With" + prf).generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2 with " + prf + " is part of every JDK", ex);
		}
		finally {
			spec.clearPassword();
		}
	}

	private static byte[] salt(@Nullable Element specified) {
		String text = (specified != null) ? Dom.text(specified) : null;
		if (text == null) {
			throw malformed("no salt (Salt/Specified)");
		}
		try {
			return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw malformed("a salt that is not valid base64");
		}
	}

	private static int number(@Nullable Element params, String name, int min, int max) {
		Element element = Dom.childNamed(params, name);
		String text = (element != null) ? Dom.text(element) : null;
		if (text == null) {
			throw malformed("no " + name);
		}
		if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
			throw new SeedFileRejected(Problem.UNSUPPORTED, String.format(Locale.ROOT,
					"The PBKDF2 %s in this file must be a number from %,d to %,d", name, min, max));
		}
		return Integer.parseInt(text);
	}

	// An empty or absent PRF means HMAC-SHA1 (RFC 8018 §A.2). XML Encryption 1.1 puts
	// the URI in an Algorithm attribute; python-pskc writes it as the element's text.
	private static String prf(@Nullable Element prf) {
		if (prf == null) {
			return "HmacSHA1";
		}
		String uri = Dom.attribute(prf, "Algorithm");
		uri = (uri != null) ? uri : Dom.text(prf);
		if (uri == null) {
			return "HmacSHA1";
		}
		String jcaName = Pskc.hmacJcaName(uri);
		if (jcaName == null) {
			throw new SeedFileRejected(Problem.UNSUPPORTED,
					"This file's PBKDF2 uses the function " + uri + ", which Keyfob does not support");
		}
		return jcaName;
	}

	private static SeedFileRejected malformed(String what) {
		return new SeedFileRejected(Problem.MALFORMED, "The PBKDF2 parameters in this file have " + what);
	}

}
