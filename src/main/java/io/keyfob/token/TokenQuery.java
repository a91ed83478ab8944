package io.keyfob.token;

import io.keyfob.shared.filter.Filter;
import org.jspecify.annotations.Nullable;

/**
 * One page of the inventory to read: a filter, a sort direction by serial number, a page
 * size and where the previous page ended (keyset paging: the cost of a page does not grow
 * with its depth).
 *
 * @param filter the condition, or {@code null} for every token
 * @param descending sort by serial number from Z to A
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 * @param after the cursor of the previous page ({@link TokenPage#nextCursor()}), or
 * {@code null} for the first page
 * @param count whether to count every token that matches the filter
 */
public record TokenQuery(@Nullable Filter filter, boolean descending, int limit, @Nullable String after,
		boolean count) {

	/** The largest page. */
	public static final int MAX_LIMIT = 999;

	public TokenQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	/**
	 * The first page of every token in serial number order.
	 * @param limit the page size
	 * @return the query
	 */
	public static TokenQuery firstPage(int limit) {
		return new TokenQuery(null, false, limit, null, false);
	}

	/**
	 * The page after the given one, with the same filter and order.
	 * @param page the previous page
	 * @return the query, or {@code null} when the previous page was the last
	 */
	public @Nullable TokenQuery next(TokenPage page) {
		return (page.nextCursor() != null)
				? new TokenQuery(this.filter, this.descending, this.limit, page.nextCursor(), this.count) : null;
	}

}
