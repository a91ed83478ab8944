package io.keyfob.seedimport.pskc;

import io.keyfob.seedimport.OptionNames;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Finds the encryption key a container's {@code EncryptionKey} asks for: a pre-shared key
 * (a {@code ds:KeyName}, or nothing, as python-pskc writes it) or one derived from a
 * password ({@code xenc11:DerivedKey}). Certificates (RFC 6030 §6.3) are not supported.
 */
final class EncryptionKeys {

	private EncryptionKeys() {
	}

	static ContainerKeys resolve(Element encryptionKey, ReadOptions options) {
		Element derivedKey = Dom.child(encryptionKey, Pskc.XENC11, "DerivedKey");
		if (derivedKey != null) {
			char[] password = options.password();
			if (password == null) {
				throw new SeedFileRejected(Problem.KEY_REQUIRED, "This file is encrypted with a password: give it with "
						+ OptionNames.PASSWORD + named(Dom.childText(derivedKey, Pskc.XENC11, "MasterKeyName")));
			}
			return ContainerKeys.of(Pbkdf2.deriveKey(derivedKey, password), "key derived from the password");
		}
		if (Dom.child(encryptionKey, Pskc.DS, "X509Data") != null) {
			throw new SeedFileRejected(Problem.UNSUPPORTED, "This file is encrypted for a certificate (RFC 6030 "
					+ "§6.3), which Keyfob does not support: ask the vendor for a file with a pre-shared key or password");
		}
		byte[] preSharedKey = options.preSharedKey();
		if (preSharedKey == null) {
			throw new SeedFileRejected(Problem.KEY_REQUIRED,
					"This file is encrypted with a pre-shared key: give the key with " + OptionNames.PRE_SHARED_KEY
							+ named(Dom.childText(encryptionKey, Pskc.DS, "KeyName")));
		}
		// a copy, so that closing the container keys leaves the caller's array alone
		return ContainerKeys.of(preSharedKey.clone(), "pre-shared key");
	}

	private static String named(@Nullable String name) {
		return (name != null) ? " (the file calls it '" + name + "')" : "";
	}

}
