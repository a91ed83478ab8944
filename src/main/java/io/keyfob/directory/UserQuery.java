package io.keyfob.directory;

import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.filter.FilterSchema;
import io.keyfob.shared.filter.FilterSchema.Field;
import org.jspecify.annotations.Nullable;

/**
 * Which users to list, one page at a time, in the order of their sign-in names. All
 * criteria are optional and combine with "and"; name comparisons ignore case.
 *
 * @param userPrincipalName exactly this sign-in name
 * @param userPrincipalNamePrefix sign-in names that start with this
 * @param displayName exactly this display name
 * @param displayNamePrefix display names that start with this
 * @param accountEnabled only enabled or only disabled users
 * @param filter only users that match this {@code $filter} (see {@link #SCHEMA})
 * @param after the {@link Page#next()} key of the previous page, or {@code null} for the
 * first page
 * @param limit the page size, 1 to 999
 */
public record UserQuery(@Nullable String userPrincipalName, @Nullable String userPrincipalNamePrefix,
		@Nullable String displayName, @Nullable String displayNamePrefix, @Nullable Boolean accountEnabled,
		@Nullable Filter filter, @Nullable String after, int limit) {

	/** What a client may filter users on. */
	public static final FilterSchema SCHEMA = FilterSchema.of(Field.guid("id"),
			Field.string("userPrincipalName").withStartsWith(), Field.string("displayName").withStartsWith(),
			Field.bool("accountEnabled"));

	/** The largest page. */
	public static final int MAX_LIMIT = 999;

	public UserQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	/**
	 * A query without a {@code $filter}.
	 * @param userPrincipalName exactly this sign-in name
	 * @param userPrincipalNamePrefix sign-in names that start with this
	 * @param displayName exactly this display name
	 * @param displayNamePrefix display names that start with this
	 * @param accountEnabled only enabled or only disabled users
	 * @param after the key of the previous page, or {@code null}
	 * @param limit the page size
	 */
	public UserQuery(@Nullable String userPrincipalName, @Nullable String userPrincipalNamePrefix,
			@Nullable String displayName, @Nullable String displayNamePrefix, @Nullable Boolean accountEnabled,
			@Nullable String after, int limit) {
		this(userPrincipalName, userPrincipalNamePrefix, displayName, displayNamePrefix, accountEnabled, null, after,
				limit);
	}

	/**
	 * Users that match a {@code $filter}, the first page.
	 * @param filter the filter, or {@code null} for all users
	 * @param limit the page size
	 * @return the query
	 */
	public static UserQuery filtered(@Nullable Filter filter, int limit) {
		return new UserQuery(null, null, null, null, null, filter, null, limit);
	}

	/**
	 * All users, the first page.
	 * @param limit the page size
	 * @return the query
	 */
	public static UserQuery all(int limit) {
		return new UserQuery(null, null, null, null, null, null, limit);
	}

	/**
	 * The same criteria, after another key.
	 * @param after the key
	 * @return the query for the next page
	 */
	public UserQuery after(@Nullable String after) {
		return new UserQuery(this.userPrincipalName, this.userPrincipalNamePrefix, this.displayName,
				this.displayNamePrefix, this.accountEnabled, this.filter, after, this.limit);
	}

}
