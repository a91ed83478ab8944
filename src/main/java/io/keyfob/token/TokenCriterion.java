package io.keyfob.token;

import java.util.List;
import java.util.Objects;

import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.filter.Operator;
import org.jspecify.annotations.Nullable;

/**
 * Conditions on tokens for code that builds them rather than parsing a {@code $filter}:
 * they are the same {@link Filter} trees, so the token store turns both into SQL the same
 * way. Values are typed ({@link TokenStatus}, {@link io.keyfob.otp.HashFunction},
 * {@link Integer}, {@link java.util.UUID}, {@link java.time.Instant} or {@link String},
 * as {@link TokenField#valueType()} says).
 */
public final class TokenCriterion {

	private TokenCriterion() {
	}

	/**
	 * {@code field eq value}.
	 * @param field the field
	 * @param value a value of the field's type, or {@code null}
	 * @return the condition
	 * @throws IllegalArgumentException if the value has the wrong type
	 */
	public static Filter eq(TokenField field, @Nullable Object value) {
		return compare(field, Operator.EQ, value);
	}

	/**
	 * {@code field ne value}. As in OData, a token without a value for a nullable field
	 * is not equal to any value.
	 * @param field the field
	 * @param value a value of the field's type, or {@code null}
	 * @return the condition
	 */
	public static Filter ne(TokenField field, @Nullable Object value) {
		return compare(field, Operator.NE, value);
	}

	/**
	 * {@code field operator value}.
	 * @param field the field
	 * @param operator one of the operators the field takes
	 * @param value a value of the field's type, or {@code null}
	 * @return the condition
	 */
	public static Filter compare(TokenField field, Operator operator, @Nullable Object value) {
		Objects.requireNonNull(field, "field must not be null");
		if (value != null && !field.valueType().isInstance(value)) {
			throw new IllegalArgumentException(field.graphName() + " takes values of type "
					+ field.valueType().getSimpleName() + ", not " + value.getClass().getSimpleName());
		}
		return Filter.compare(field.graphName(), operator, value);
	}

	/**
	 * {@code startswith(serialNumber, prefix)}, ignoring case.
	 * @param prefix the prefix
	 * @return the condition
	 */
	public static Filter serialNumberStartsWith(String prefix) {
		return new Filter.StartsWith(TokenField.SERIAL_NUMBER.graphName(), prefix);
	}

	/**
	 * Every condition holds ({@code and}).
	 * @param criteria the conditions
	 * @return the condition
	 */
	public static Filter all(List<Filter> criteria) {
		return Filter.all(criteria);
	}

	/**
	 * At least one condition holds ({@code or}).
	 * @param criteria the conditions
	 * @return the condition
	 */
	public static Filter any(List<Filter> criteria) {
		return Filter.anyOf(criteria);
	}

}
