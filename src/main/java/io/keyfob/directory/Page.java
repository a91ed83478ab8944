package io.keyfob.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paged list.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param next an opaque key for the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, @Nullable String next) {

	public Page {
		items = List.copyOf(items);
	}

}
