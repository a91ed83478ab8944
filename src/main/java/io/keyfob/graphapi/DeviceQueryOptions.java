package io.keyfob.graphapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.filter.FilterParser;
import io.keyfob.token.TokenField;
import io.keyfob.token.TokenQuery;
import org.jspecify.annotations.Nullable;

/**
 * The OData query options of the inventory list: {@code $filter}, {@code $select},
 * {@code $top} (default 100, at most 999), {@code $count}, {@code $orderby=serialNumber}
 * (asc or desc) and the opaque {@code $skiptoken} of a next link.
 *
 * @param query the page to read
 * @param select the properties to return, in Graph's order; empty for all
 */
record DeviceQueryOptions(TokenQuery query, Set<String> select) {

	static final int DEFAULT_TOP = 100;

	private static final String SKIPTOKEN_VERSION = "1";

	private static final Set<String> UNSUPPORTED = Set.of("$skip", "$search", "$format", "$apply", "$compute");

	/**
	 * Read the options from a request's parameters.
	 * @param parameters the query parameters, by name
	 * @return the options
	 * @throws GraphRequestException naming the option that is wrong
	 */
	static DeviceQueryOptions from(Map<String, String> parameters) {
		for (String name : parameters.keySet()) {
			if (UNSUPPORTED.contains(name.toLowerCase(Locale.ROOT))) {
				throw GraphRequestException.badQuery(name + " is not supported here; page with $top and the "
						+ "@odata.nextLink of each response, and filter with $filter");
			}
		}
		String filter = parameters.get("$filter");
		Filter criterion = (filter != null) ? FilterParser.parse(filter, TokenField.SCHEMA) : null;
		boolean descending = descending(parameters.get("$orderby"));
		int top = top(parameters.get("$top"));
		String after = after(parameters.get("$skiptoken"), descending);
		boolean count = count(parameters.get("$count"));
		return new DeviceQueryOptions(new TokenQuery(criterion, descending, top, after, count),
				select(parameters.get("$select")));
	}

	/**
	 * The {@code $skiptoken} that continues after a cursor. It records the sort
	 * direction, so a link cannot be replayed with the other order.
	 * @param cursor the cursor of the next page
	 * @param descending the sort direction
	 * @return the token
	 */
	static String skipToken(String cursor, boolean descending) {
		String plain = SKIPTOKEN_VERSION + (descending ? "d" : "a") + cursor;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable String after(@Nullable String skipToken, boolean descending) {
		if (skipToken == null) {
			return null;
		}
		String plain;
		try {
			plain = new String(Base64.getUrlDecoder().decode(skipToken), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			plain = "";
		}
		String expected = SKIPTOKEN_VERSION + (descending ? "d" : "a");
		if (!plain.startsWith(expected) || plain.length() == expected.length()) {
			throw GraphRequestException.badQuery("$skiptoken is not one Keyfob issued for this order; "
					+ "follow @odata.nextLink as it is, or start again without $skiptoken");
		}
		return plain.substring(expected.length());
	}

	private static boolean descending(@Nullable String orderBy) {
		if (orderBy == null) {
			return false;
		}
		String[] parts = orderBy.strip().split("\\s+");
		if (parts.length <= 2 && parts[0].equalsIgnoreCase("serialNumber")) {
			if (parts.length == 1 || parts[1].equalsIgnoreCase("asc")) {
				return false;
			}
			if (parts[1].equalsIgnoreCase("desc")) {
				return true;
			}
		}
		throw GraphRequestException
			.badQuery("$orderby: the list can be sorted by serialNumber only: use $orderby=serialNumber or "
					+ "$orderby=serialNumber desc");
	}

	static int top(@Nullable String top) {
		if (top == null) {
			return DEFAULT_TOP;
		}
		try {
			int value = Integer.parseInt(top.strip());
			if (value >= 1 && value <= TokenQuery.MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw GraphRequestException
			.badQuery("$top must be a whole number from 1 to " + TokenQuery.MAX_LIMIT + ", not '" + top + "'");
	}

	static boolean count(@Nullable String count) {
		if (count == null || count.equalsIgnoreCase("false")) {
			return false;
		}
		if (count.equalsIgnoreCase("true")) {
			return true;
		}
		throw GraphRequestException.badQuery("$count must be true or false, not '" + count + "'");
	}

	static Set<String> select(@Nullable String select) {
		Set<String> properties = new LinkedHashSet<>();
		if (select == null) {
			return properties;
		}
		for (String name : select.split(",")) {
			String wanted = name.strip();
			String property = DeviceRepresentation.PROPERTIES.stream()
				.filter((p) -> p.equalsIgnoreCase(wanted))
				.findFirst()
				.orElseThrow(() -> GraphRequestException.badQuery("$select: unknown property '" + wanted
						+ "'; properties are " + String.join(", ", DeviceRepresentation.PROPERTIES)));
			properties.add(property);
		}
		List<String> ordered = DeviceRepresentation.PROPERTIES.stream().filter(properties::contains).toList();
		return new LinkedHashSet<>(ordered);
	}

}
