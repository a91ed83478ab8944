package io.keyfob.graphapi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.keyfob.otp.HashFunction;
import io.keyfob.token.BlockReason;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.OtpType;
import io.keyfob.token.TokenChanges;
import io.keyfob.token.TokenSecret;
import io.keyfob.token.TokenValidity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads device request bodies as Graph clients send them: exact property names, unknown
 * properties ignored, {@code timeIntervalInSeconds} and {@code digits} as numbers or
 * numeric strings. A value of the wrong type is refused with a message that names the
 * property; the rules themselves (required properties, allowed values, the secret's
 * encoding and length) are the token module's, and so are their messages.
 */
final class DeviceRequests {

	private DeviceRequests() {
	}

	/**
	 * A device to create.
	 * @param body one JSON object
	 * @return the command
	 * @throws GraphRequestException or the token module's
	 * {@link io.keyfob.token.InvalidTokenException} for a property that breaks a rule
	 */
	static NewHardwareOathToken newDevice(JsonNode body) {
		if (!body.isObject()) {
			throw GraphRequestException.invalidBody("Each device must be a JSON object with serialNumber, "
					+ "manufacturer, model, secretKey and timeIntervalInSeconds.");
		}
		String serialNumber = text(body, "serialNumber");
		String displayName = text(body, "displayName");
		String manufacturer = text(body, "manufacturer");
		String model = text(body, "model");
		OtpType otpType = otpType(body);
		HashFunction hashFunction = hashFunction(body);
		Integer digits = integer(body, "digits", "use 6 or 8");
		Integer interval = integer(body, "timeIntervalInSeconds", "use 30 or 60");
		Long counter = counter(body);
		String secretKey = text(body, "secretKey");
		TokenSecret secret = TokenSecret.fromBase32((secretKey != null) ? secretKey : "");
		return new NewHardwareOathToken(serialNumber, displayName, manufacturer, model, secret, otpType, hashFunction,
				(digits != null) ? digits : 6, interval, (counter != null) ? counter : 0, 0,
				validity(body, TokenValidity.ALWAYS));
	}

	/**
	 * The reason of a {@code block} action, from {@code {"reason": "lost"}}.
	 * @param body the action's JSON object
	 * @return the reason
	 */
	static BlockReason blockReason(@Nullable JsonNode body) {
		String reason = (body != null && body.isObject()) ? text(body, "reason") : null;
		if (reason == null) {
			throw GraphRequestException.invalidProperty("reason",
					"is required: send {\"reason\": \"lost\"}, or stolen, broken or retired");
		}
		return BlockReason.fromGraphName(reason)
			.orElseThrow(() -> GraphRequestException.invalidProperty("reason",
					"'" + reason + "' is not allowed: use lost, stolen, broken or retired"));
	}

	/**
	 * Whether a body sets {@code validFrom} or {@code validUntil}.
	 * @param body a JSON object
	 * @return {@code true} if it has either property, even as {@code null}
	 */
	static boolean setsValidity(JsonNode body) {
		return body.has("validFrom") || body.has("validUntil");
	}

	/**
	 * The window of use from {@code validFrom} and {@code validUntil} (ISO 8601 date and
	 * time with an offset, or {@code null} to open that end); a property left out keeps
	 * its current value.
	 * @param body a JSON object
	 * @param current the window before the change
	 * @return the new window
	 */
	static TokenValidity validity(JsonNode body, TokenValidity current) {
		Instant from = body.has("validFrom") ? dateTime(body, "validFrom") : current.validFrom();
		Instant until = body.has("validUntil") ? dateTime(body, "validUntil") : current.validUntil();
		return new TokenValidity(from, until);
	}

	private static @Nullable Instant dateTime(JsonNode body, String property) {
		String value = text(body, property);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw GraphRequestException.invalidProperty(property, "'" + value
					+ "' is not a date and time: use ISO 8601 with an offset, for example 2027-06-30T00:00:00Z");
		}
	}

	/**
	 * Changes to an unassigned device. Properties that cannot change ({@code secretKey},
	 * {@code serialNumber}, {@code status}, ...) are ignored, as Graph ignores them.
	 * @param body one JSON object
	 * @return the changes
	 */
	static TokenChanges changes(JsonNode body) {
		if (!body.isObject()) {
			throw GraphRequestException.invalidBody("Send the properties to change as a JSON object, "
					+ "for example {\"hashFunction\": \"hmacsha256\"}.");
		}
		HashFunction hashFunction = body.has("hashFunction") ? hashFunction(body) : null;
		String displayName = text(body, "displayName");
		if (body.has("displayName") && displayName == null) {
			displayName = "";
		}
		return new TokenChanges(displayName, text(body, "manufacturer"), text(body, "model"), hashFunction,
				integer(body, "timeIntervalInSeconds", "use 30 or 60"));
	}

	/**
	 * The user to assign a new device to, from {@code "assignTo": {"id": "..."}}.
	 * @param body the device's JSON object
	 * @return the user id, or {@code null} when the device is not to be assigned
	 */
	static @Nullable UUID assignTo(JsonNode body) {
		JsonNode assignTo = body.get("assignTo");
		if (assignTo == null || assignTo.isNull()) {
			return null;
		}
		JsonNode id = assignTo.get("id");
		if (!assignTo.isObject() || id == null || !id.isString()) {
			throw GraphRequestException.invalidProperty("assignTo",
					"give the user as {\"id\": \"<user id>\"}, with the user's id (a GUID)");
		}
		try {
			return UUID.fromString(id.stringValue().strip());
		}
		catch (IllegalArgumentException ex) {
			throw GraphRequestException.invalidProperty("assignTo", "id '" + id.stringValue()
					+ "' is not a user id; give the user's id (a GUID), as /beta/users lists it");
		}
	}

	private static @Nullable String text(JsonNode body, String property) {
		JsonNode value = body.get(property);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isNumber()) {
			return value.asString();
		}
		throw GraphRequestException.invalidProperty(property, "must be a string");
	}

	private static @Nullable Integer integer(JsonNode body, String property, String allowed) {
		JsonNode value = body.get(property);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToInt()) {
			return value.intValue();
		}
		if (value.isString()) {
			try {
				return Integer.valueOf(value.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				throw GraphRequestException.invalidProperty(property,
						"'" + value.stringValue() + "' is not a whole number: " + allowed);
			}
		}
		throw GraphRequestException.invalidProperty(property, "must be a whole number: " + allowed);
	}

	private static @Nullable Long counter(JsonNode body) {
		JsonNode value = body.get("counter");
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value.isString()) {
			try {
				return Long.valueOf(value.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		throw GraphRequestException.invalidProperty("counter",
				"must be a whole number: the HOTP counter the token shows next, usually 0");
	}

	private static HashFunction hashFunction(JsonNode body) {
		String name = text(body, "hashFunction");
		if (name == null) {
			return HashFunction.HMAC_SHA1;
		}
		for (HashFunction hashFunction : HashFunction.values()) {
			if (hashFunction.graphName().equalsIgnoreCase(name.strip())) {
				return hashFunction;
			}
		}
		throw GraphRequestException.invalidProperty("hashFunction",
				"'" + name + "' is not allowed: use hmacsha1 (the default), hmacsha256 or hmacsha512");
	}

	private static OtpType otpType(JsonNode body) {
		String name = text(body, "otpType");
		if (name == null) {
			return OtpType.TOTP;
		}
		return OtpType.fromGraphName(name)
			.orElseThrow(() -> GraphRequestException.invalidProperty("otpType",
					"'" + name + "' is not allowed: use totp (the default, time-based) or hotp (counter-based)"));
	}

}
