package io.keyfob.graphapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.filter.FilterParser;
import io.keyfob.shared.filter.FilterSchema;
import io.keyfob.shared.filter.FilterSchema.Field;
import io.keyfob.shared.filter.Operator;
import io.keyfob.token.TokenCriterion;
import io.keyfob.token.TokenField;
import org.jspecify.annotations.Nullable;

/**
 * The OData query options of a user's method lists ({@code hardwareOathMethods} and
 * {@code methods}): {@code $filter} on {@code id} and the {@code device/...} properties
 * the inventory filters on, {@code $top}, {@code $select}, {@code $count} and
 * {@code $expand=device}.
 *
 * @param filter the condition on the methods, or {@code null}
 * @param top at most this many methods
 * @param select the properties to return; empty for all
 * @param count whether to add {@code @odata.count}
 */
record MethodQueryOptions(@Nullable Filter filter, int top, Set<String> select, boolean count) {

	static final List<String> PROPERTIES = List.of("id", "createdDateTime", "lastUsedDateTime", "device");

	private static final String DEVICE = "device/";

	/** A method is filtered on its id and on its device's properties. */
	static final FilterSchema SCHEMA = FilterSchema.of(schemaFields());

	/**
	 * Read the options from a request's parameters.
	 * @param parameters the query parameters, by name
	 * @return the options
	 * @throws GraphRequestException naming the option that is wrong
	 */
	static MethodQueryOptions from(Map<String, String> parameters) {
		String expand = parameters.get("$expand");
		if (expand != null && !expand.strip().equalsIgnoreCase("device")) {
			throw GraphRequestException
				.badQuery("$expand: a hardware OATH method can expand device only, not '" + expand + "'");
		}
		String filter = parameters.get("$filter");
		Set<String> select = select(parameters.get("$select"));
		if (expand != null && !select.isEmpty()) {
			select.add("device");
		}
		return new MethodQueryOptions((filter != null) ? FilterParser.parse(filter, SCHEMA) : null,
				DeviceQueryOptions.top(parameters.get("$top")), select,
				DeviceQueryOptions.count(parameters.get("$count")));
	}

	/**
	 * The filter as a condition on the user's tokens.
	 * @param user the user whose methods are read
	 * @return the condition
	 */
	Filter tokenFilter(UUID user) {
		Filter holder = TokenCriterion.eq(TokenField.ASSIGNED_TO, user);
		if (this.filter == null) {
			return holder;
		}
		Filter devices = this.filter.renamed((p) -> p.startsWith(DEVICE) ? p.substring(DEVICE.length()) : p);
		return Filter.all(List.of(holder, devices));
	}

	/**
	 * Whether a method that is not a token (the password) matches: only without a filter,
	 * or with one that asks for its id.
	 * @param id the method's id
	 * @return whether it matches
	 */
	boolean matchesOther(UUID id) {
		return this.filter == null || this.filter.equals(Filter.compare("id", Operator.EQ, id));
	}

	/**
	 * Keep only the selected properties of a method.
	 * @param method every property of a method
	 * @return the selected ones
	 */
	Map<String, @Nullable Object> selected(Map<String, @Nullable Object> method) {
		if (this.select.isEmpty()) {
			return method;
		}
		Map<String, @Nullable Object> kept = new java.util.LinkedHashMap<>();
		method.forEach((name, value) -> {
			if (this.select.contains(name)) {
				kept.put(name, value);
			}
		});
		return kept;
	}

	private static Field[] schemaFields() {
		List<Field> fields = new ArrayList<>();
		fields.add(Field.guid("id"));
		Arrays.stream(TokenField.values())
			.filter((f) -> f != TokenField.ID && f != TokenField.ASSIGNED_TO)
			.map(TokenField::filterField)
			.forEach((f) -> fields
				.add(new Field(DEVICE + f.name(), f.type(), f.operators(), f.startsWith(), f.members(), f.hint())));
		return fields.toArray(Field[]::new);
	}

	private static Set<String> select(@Nullable String select) {
		Set<String> properties = new LinkedHashSet<>();
		if (select == null) {
			return properties;
		}
		for (String name : select.split(",")) {
			String wanted = name.strip();
			properties.add(PROPERTIES.stream()
				.filter((p) -> p.equalsIgnoreCase(wanted))
				.findFirst()
				.orElseThrow(() -> GraphRequestException.badQuery("$select: unknown property '" + wanted
						+ "'; properties are " + String.join(", ", PROPERTIES))));
		}
		return properties;
	}

}
