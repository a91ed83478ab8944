package io.keyfob.shared.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The OData comparison operators.
 */
public enum Operator {

	EQ, NE, GT, GE, LT, LE;

	/**
	 * The operator as OData writes it.
	 * @return for example {@code ge}
	 */
	public String odataName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Operator> fromOdataName(String word) {
		return Arrays.stream(values()).filter((o) -> o.odataName().equalsIgnoreCase(word)).findFirst();
	}

}
