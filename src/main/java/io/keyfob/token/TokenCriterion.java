package io.keyfob.token;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A condition on tokens, built by the Graph adapter from {@code $filter} and turned into
 * SQL with bind parameters by the token store. Values are typed ({@link TokenStatus},
 * {@link io.keyfob.otp.HashFunction}, {@link Integer}, {@link java.util.UUID} or
 * {@link String}, as {@link TokenField#valueType()} says), so no text from a request ever
 * becomes SQL.
 */
public sealed interface TokenCriterion
		permits TokenCriterion.Comparison, TokenCriterion.SerialNumberPrefix, TokenCriterion.All, TokenCriterion.Any {

	/**
	 * {@code field eq value} or, negated, {@code field ne value}.
	 * @param field the field
	 * @param value a value of the field's type, or {@code null}
	 * @return the criterion
	 * @throws IllegalArgumentException if the value has the wrong type
	 */
	static TokenCriterion eq(TokenField field, @Nullable Object value) {
		return new Comparison(field, value, false);
	}

	/**
	 * {@code field ne value}. As in OData, a token without a value for a nullable field
	 * is not equal to any value.
	 * @param field the field
	 * @param value a value of the field's type, or {@code null}
	 * @return the criterion
	 */
	static TokenCriterion ne(TokenField field, @Nullable Object value) {
		return new Comparison(field, value, true);
	}

	/**
	 * {@code startswith(serialNumber, prefix)}, ignoring case.
	 * @param prefix the prefix
	 * @return the criterion
	 */
	static TokenCriterion serialNumberStartsWith(String prefix) {
		return new SerialNumberPrefix(prefix);
	}

	/**
	 * Equality or inequality with one value.
	 *
	 * @param field the field
	 * @param value the value, or {@code null}
	 * @param negated {@code true} for {@code ne}
	 */
	record Comparison(TokenField field, @Nullable Object value, boolean negated) implements TokenCriterion {

		public Comparison {
			Objects.requireNonNull(field, "field must not be null");
			if (value != null && !field.valueType().isInstance(value)) {
				throw new IllegalArgumentException(field.graphName() + " takes values of type "
						+ field.valueType().getSimpleName() + ", not " + value.getClass().getSimpleName());
			}
		}

	}

	/**
	 * The serial number starts with a prefix, ignoring case.
	 *
	 * @param prefix the prefix
	 */
	record SerialNumberPrefix(String prefix) implements TokenCriterion {

		public SerialNumberPrefix {
			Objects.requireNonNull(prefix, "prefix must not be null");
		}

	}

	/**
	 * Every criterion holds ({@code and}).
	 *
	 * @param criteria at least two criteria
	 */
	record All(List<TokenCriterion> criteria) implements TokenCriterion {

		public All {
			criteria = List.copyOf(criteria);
		}

	}

	/**
	 * At least one criterion holds ({@code or}).
	 *
	 * @param criteria at least two criteria
	 */
	record Any(List<TokenCriterion> criteria) implements TokenCriterion {

		public Any {
			criteria = List.copyOf(criteria);
		}

	}

}
