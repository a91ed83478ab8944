package io.keyfob.token;

import java.util.UUID;

import io.keyfob.otp.HashFunction;

/**
 * The token properties a list can be filtered on, each served by an index (Graph:
 * {@code $filter} on {@code hardwareOathDevices}).
 */
public enum TokenField {

	/** Compared trimmed and ignoring case, as serial numbers are unique. */
	SERIAL_NUMBER("serialNumber", String.class, false),

	STATUS("status", TokenStatus.class, false),

	MANUFACTURER("manufacturer", String.class, false),

	MODEL("model", String.class, false),

	HASH_FUNCTION("hashFunction", HashFunction.class, false),

	/** {@code null} for HOTP tokens. */
	TIME_INTERVAL("timeIntervalInSeconds", Integer.class, true),

	/** {@code null} for available tokens. */
	ASSIGNED_TO("assignedTo/id", UUID.class, true);

	private final String graphName;

	private final Class<?> valueType;

	private final boolean nullable;

	TokenField(String graphName, Class<?> valueType, boolean nullable) {
		this.graphName = graphName;
		this.valueType = valueType;
		this.nullable = nullable;
	}

	/**
	 * The Graph property path, for example {@code assignedTo/id}.
	 * @return the name a client writes in {@code $filter}
	 */
	public String graphName() {
		return this.graphName;
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

}
