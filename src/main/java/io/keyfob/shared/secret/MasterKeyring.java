package io.keyfob.shared.secret;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current master key, which seals, and earlier ones, which only open. Immutable.
 */
public final class MasterKeyring {

	private final MasterKey current;

	private final Map<String, MasterKey> byId = new LinkedHashMap<>();

	MasterKeyring(MasterKey current, List<MasterKey> previous) {
		this.current = current;
		this.byId.put(current.id(), current);
		previous.forEach((key) -> this.byId.putIfAbsent(key.id(), key));
	}

	static MasterKey decode(String base64, String setting) {
		byte[] material;
		try {
			material = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(setting + " is not valid Base64: give 32 random bytes in Base64, "
					+ "for example the output of 'openssl rand -base64 32'");
		}
		return new MasterKey(material);
	}

	public MasterKey current() {
		return this.current;
	}

	public Set<String> ids() {
		return this.byId.keySet();
	}

	MasterKey byId(String keyId) {
		MasterKey key = this.byId.get(keyId);
		if (key == null) {
			throw SecretIntegrityException.unknownKey(keyId);
		}
		return key;
	}

}
