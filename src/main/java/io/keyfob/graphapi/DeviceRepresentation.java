package io.keyfob.graphapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenBlock;
import org.jspecify.annotations.Nullable;

/**
 * A token as Graph's {@code hardwareOathTokenAuthenticationMethodDevice}, in Graph's
 * property order, plus Keyfob's extensions ({@code otpType}, {@code digits},
 * {@code driftSteps}, {@code lockedUntil}, {@code blockReason}, {@code blockedBy},
 * {@code blockedDateTime}, {@code validFrom}, {@code validUntil}) that Graph clients
 * ignore. {@code secretKey} is always {@code null}: seeds are write-only.
 */
final class DeviceRepresentation {

	static final List<String> PROPERTIES = List.of("id", "displayName", "serialNumber", "manufacturer", "model",
			"secretKey", "timeIntervalInSeconds", "status", "lastUsedDateTime", "hashFunction", "assignedTo", "otpType",
			"digits", "driftSteps", "lockedUntil", "blockReason", "blockedBy", "blockedDateTime", "validFrom",
			"validUntil");

	static final String ODATA_TYPE = "#microsoft.graph.hardwareOathTokenAuthenticationMethodDevice";

	private DeviceRepresentation() {
	}

	/**
	 * The JSON object of a token.
	 * @param token the token
	 * @param displayNames the display names of assigned users, by id
	 * @param select the properties to include ({@code id} always is); empty for all
	 * @return the properties, in order
	 */
	static Map<String, @Nullable Object> of(HardwareOathToken token, Map<UUID, String> displayNames,
			Set<String> select) {
		return of(token, displayNames, select, null);
	}

	/**
	 * The JSON object of a token with its method's lock.
	 * @param token the token
	 * @param displayNames the display names of assigned users, by id
	 * @param select the properties to include ({@code id} always is); empty for all
	 * @param lockedUntil until when the token's method refuses codes, or {@code null}
	 * @return the properties, in order
	 */
	static Map<String, @Nullable Object> of(HardwareOathToken token, Map<UUID, String> displayNames, Set<String> select,
			@Nullable Instant lockedUntil) {
		Map<String, @Nullable Object> all = new LinkedHashMap<>();
		all.put("@odata.type", ODATA_TYPE);
		all.put("id", token.id().toString());
		all.put("displayName", token.displayName());
		all.put("serialNumber", token.serialNumber());
		all.put("manufacturer", token.manufacturer());
		all.put("model", token.model());
		all.put("secretKey", null);
		all.put("timeIntervalInSeconds", token.timeIntervalSeconds());
		all.put("status", token.status().graphName());
		all.put("lastUsedDateTime", text(token.lastUsedDateTime()));
		all.put("hashFunction", token.hashFunction().graphName());
		all.put("assignedTo", assignedTo(token.assignedTo(), displayNames));
		all.put("otpType", token.otpType().graphName());
		all.put("digits", token.digits());
		all.put("driftSteps", token.driftSteps());
		all.put("lockedUntil", text(lockedUntil));
		TokenBlock block = token.block();
		all.put("blockReason", (block != null) ? block.reason().graphName() : null);
		all.put("blockedBy", (block != null) ? blockedBy(block, displayNames) : null);
		all.put("blockedDateTime", (block != null) ? text(block.blockedDateTime()) : null);
		all.put("validFrom", text(token.validity().validFrom()));
		all.put("validUntil", text(token.validity().validUntil()));
		if (select.isEmpty()) {
			return all;
		}
		Map<String, @Nullable Object> selected = new LinkedHashMap<>();
		all.forEach((name, value) -> {
			if (name.equals("id") || select.contains(name)) {
				selected.put(name, value);
			}
		});
		return selected;
	}

	private static @Nullable Map<String, @Nullable Object> assignedTo(@Nullable UUID userId,
			Map<UUID, String> displayNames) {
		if (userId == null) {
			return null;
		}
		Map<String, @Nullable Object> identity = new LinkedHashMap<>();
		identity.put("id", userId.toString());
		identity.put("displayName", displayNames.get(userId));
		return identity;
	}

	// Graph's identitySet: the user and the application that did it
	private static Map<String, @Nullable Object> blockedBy(TokenBlock block, Map<UUID, String> displayNames) {
		Map<String, @Nullable Object> identitySet = new LinkedHashMap<>();
		identitySet.put("user", assignedTo(block.blockedByUserId(), displayNames));
		identitySet.put("application", (block.blockedByAppId() != null) ? Map.of("id", block.blockedByAppId()) : null);
		return identitySet;
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
