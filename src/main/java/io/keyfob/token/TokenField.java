package io.keyfob.token;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.otp.HashFunction;
import io.keyfob.shared.filter.FilterSchema;
import io.keyfob.shared.filter.FilterSchema.Field;

/**
 * The token properties a list can be filtered on (Graph: {@code $filter} on
 * {@code hardwareOathDevices}), each with the operators it takes.
 */
public enum TokenField {

	/** The device (and method) id. */
	ID(Field.guid("id"), UUID.class, false),

	/** Compared trimmed and ignoring case, as serial numbers are unique. */
	SERIAL_NUMBER(Field.string("serialNumber").withStartsWith(), String.class, false),

	STATUS(Field.enumeration("status", TokenStatus::fromGraphName, "available", "assigned", "activated",
			"failedActivation", "blocked"), TokenStatus.class, false),

	MANUFACTURER(Field.string("manufacturer"), String.class, false),

	MODEL(Field.string("model"), String.class, false),

	HASH_FUNCTION(Field.enumeration("hashFunction", TokenField::hashFunction, "hmacsha1", "hmacsha256", "hmacsha512"),
			HashFunction.class, false),

	/** {@code null} for HOTP tokens. */
	TIME_INTERVAL(Field.integer("timeIntervalInSeconds"), Integer.class, true),

	/** {@code null} for available tokens. */
	ASSIGNED_TO(Field.guid("assignedTo/id"), UUID.class, true),

	/** {@code null} when the token is valid from the start. */
	VALID_FROM(Field.dateTime("validFrom"), java.time.Instant.class, true),

	/** {@code null} when the token does not expire. */
	VALID_UNTIL(Field.dateTime("validUntil"), java.time.Instant.class, true),

	/** {@code null} unless the token is blocked. */
	BLOCK_REASON(Field.enumeration("blockReason", BlockReason::fromGraphName, "lost", "stolen", "broken", "retired"),
			BlockReason.class, true),

	/** {@code null} unless the token is blocked. */
	BLOCKED_DATE_TIME(Field.dateTime("blockedDateTime"), java.time.Instant.class, true);

	/** What a client may filter the inventory on. */
	public static final FilterSchema SCHEMA = FilterSchema
		.of(Arrays.stream(values()).map(TokenField::filterField).toArray(Field[]::new));

	private final Field filterField;

	private final Class<?> valueType;

	private final boolean nullable;

	TokenField(Field filterField, Class<?> valueType, boolean nullable) {
		this.filterField = filterField;
		this.valueType = valueType;
		this.nullable = nullable;
	}

	/**
	 * The Graph property path, for example {@code assignedTo/id}.
	 * @return the name a client writes in {@code $filter}
	 */
	public String graphName() {
		return this.filterField.name();
	}

	/**
	 * The property's declaration for {@code $filter}.
	 * @return its type and operators
	 */
	public Field filterField() {
		return this.filterField;
	}

	/**
	 * The Java type of values compared with this field.
	 * @return for example {@link TokenStatus} for {@link #STATUS}
	 */
	public Class<?> valueType() {
		return this.valueType;
	}

	/**
	 * Whether some tokens have no value for this field.
	 * @return {@code true} for the time interval and the assigned user
	 */
	public boolean nullable() {
		return this.nullable;
	}

	private static Optional<HashFunction> hashFunction(String name) {
		return Arrays.stream(HashFunction.values()).filter((h) -> h.graphName().equalsIgnoreCase(name)).findFirst();
	}

}
