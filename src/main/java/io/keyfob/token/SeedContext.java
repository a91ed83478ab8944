package io.keyfob.token;

import java.util.UUID;

/**
 * The context a seed is sealed for: its token. A sealed seed copied to another token's
 * row does not open.
 */
final class SeedContext {

	private SeedContext() {
	}

	static String of(UUID tokenId) {
		return "hardware-oath-token:" + tokenId;
	}

}
