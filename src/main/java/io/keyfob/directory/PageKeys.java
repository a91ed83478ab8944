package io.keyfob.directory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opaque keyset page keys: the sort key of a page's last item, Base64url-encoded.
 */
final class PageKeys {

	private PageKeys() {
	}

	static <T> Page<T> page(List<T> oneMore, int limit, Function<T, String> sortKey) {
		if (oneMore.size() <= limit) {
			return new Page<>(oneMore, null);
		}
		List<T> items = oneMore.subList(0, limit);
		return new Page<>(items, encode(sortKey.apply(items.get(limit - 1))));
	}

	static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	static String decode(String token) {
		try {
			return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw DirectoryErrors.badPageToken();
		}
	}

	static Optional<UUID> uuid(String value) {
		if (value.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
