package io.keyfob.shared.filter;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A parsed OData {@code $filter}: the tree {@link FilterParser} builds and the store
 * adapters turn into SQL with bound parameters. Property names are the ones a
 * {@link FilterSchema} declares; values are typed ({@link String}, {@link Integer},
 * {@link Boolean}, {@link java.util.UUID}, {@link java.time.Instant} or the enum constant
 * the schema names), so no text from a request ever becomes SQL.
 */
public sealed interface Filter permits Filter.Comparison, Filter.StartsWith, Filter.All, Filter.AnyOf, Filter.Lambda {

	/**
	 * {@code property operator value}.
	 * @param property the property
	 * @param operator the operator
	 * @param value a typed value, or {@code null}
	 * @return the condition
	 */
	static Filter compare(String property, Operator operator, @Nullable Object value) {
		return new Comparison(property, operator, value);
	}

	/**
	 * Every condition holds; one condition stands for itself.
	 * @param filters the conditions
	 * @return the condition
	 */
	static Filter all(List<? extends Filter> filters) {
		return (filters.size() == 1) ? filters.get(0) : new All(List.copyOf(filters));
	}

	/**
	 * At least one condition holds; one condition stands for itself.
	 * @param filters the conditions
	 * @return the condition
	 */
	static Filter anyOf(List<? extends Filter> filters) {
		return (filters.size() == 1) ? filters.get(0) : new AnyOf(List.copyOf(filters));
	}

	/**
	 * The same condition with its properties renamed, for a resource whose properties are
	 * another's under a prefix (a method's {@code device/serialNumber} is the device's
	 * {@code serialNumber}).
	 * @param rename the new name of each property
	 * @return the renamed condition
	 */
	default Filter renamed(UnaryOperator<String> rename) {
		if (this instanceof Comparison comparison) {
			return new Comparison(rename.apply(comparison.property()), comparison.operator(), comparison.value());
		}
		if (this instanceof StartsWith startsWith) {
			return new StartsWith(rename.apply(startsWith.property()), startsWith.prefix());
		}
		if (this instanceof All all) {
			return new All(all.filters().stream().map((f) -> f.renamed(rename)).toList());
		}
		if (this instanceof AnyOf any) {
			return new AnyOf(any.filters().stream().map((f) -> f.renamed(rename)).toList());
		}
		Lambda lambda = (Lambda) this;
		return new Lambda(rename.apply(lambda.collection()), lambda.condition());
	}

	/**
	 * A comparison of one property with one value.
	 *
	 * @param property the property, for example {@code assignedTo/id}
	 * @param operator the operator
	 * @param value the value, or {@code null}
	 */
	record Comparison(String property, Operator operator, @Nullable Object value) implements Filter {

		public Comparison {
			Objects.requireNonNull(property, "property must not be null");
			Objects.requireNonNull(operator, "operator must not be null");
		}

	}

	/**
	 * {@code startswith(property,'prefix')}.
	 *
	 * @param property the property
	 * @param prefix the prefix
	 */
	record StartsWith(String property, String prefix) implements Filter {

		public StartsWith {
			Objects.requireNonNull(property, "property must not be null");
			Objects.requireNonNull(prefix, "prefix must not be null");
		}

	}

	/**
	 * Every condition holds ({@code and}).
	 *
	 * @param filters the conditions
	 */
	record All(List<Filter> filters) implements Filter {

		public All {
			filters = List.copyOf(filters);
		}

	}

	/**
	 * At least one condition holds ({@code or}).
	 *
	 * @param filters the conditions
	 */
	record AnyOf(List<Filter> filters) implements Filter {

		public AnyOf {
			filters = List.copyOf(filters);
		}

	}

	/**
	 * {@code collection/any(x: condition)}: some member of a collection matches.
	 *
	 * @param collection the collection property, for example {@code targetResources}
	 * @param condition the condition on one member, with properties relative to it
	 */
	record Lambda(String collection, Filter condition) implements Filter {

		public Lambda {
			Objects.requireNonNull(collection, "collection must not be null");
			Objects.requireNonNull(condition, "condition must not be null");
		}

	}

}
