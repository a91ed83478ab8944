package io.keyfob.graphapi;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the user-method endpoints, with the checks that name the missing
 * property. Unknown properties are ignored, as Graph does.
 */
final class MethodRequests {

	private MethodRequests() {
	}

	/**
	 * {@code {"id": ...}} inside {@code device}.
	 *
	 * @param id the device id
	 */
	record DeviceReference(@Nullable String id) {
	}

	/**
	 * Assign: {@code {"device": {"id": ...}}}.
	 *
	 * @param device the device
	 */
	record Assign(@Nullable DeviceReference device) {

		UUID deviceId() {
			return MethodRequests.deviceId(this.device);
		}

	}

	/**
	 * Activate: {@code {"verificationCode": ..., "displayName": ...}}.
	 *
	 * @param verificationCode the code the token shows
	 * @param displayName an optional name
	 */
	record Activate(@Nullable String verificationCode, @Nullable String displayName) {

		String code() {
			return required(this.verificationCode, "verificationCode", "the code the token shows");
		}

	}

	/**
	 * Assign and activate: {@code {"device": {"id"}, "verificationCode", "displayName"}}.
	 *
	 * @param device the device
	 * @param verificationCode the code the token shows
	 * @param displayName an optional name
	 */
	record AssignAndActivate(@Nullable DeviceReference device, @Nullable String verificationCode,
			@Nullable String displayName) {

		UUID deviceId() {
			return MethodRequests.deviceId(this.device);
		}

		String code() {
			return required(this.verificationCode, "verificationCode", "the code the token shows");
		}

	}

	/**
	 * Assign and activate by serial number: {@code {"serialNumber", "verificationCode",
	 * "displayName"}}.
	 *
	 * @param serialNumber the number printed on the token
	 * @param verificationCode the code the token shows
	 * @param displayName an optional name
	 */
	record AssignAndActivateBySerialNumber(@Nullable String serialNumber, @Nullable String verificationCode,
			@Nullable String displayName) {

		String serial() {
			return required(this.serialNumber, "serialNumber", "the serial number printed on the token");
		}

		String code() {
			return required(this.verificationCode, "verificationCode", "the code the token shows");
		}

	}

	/**
	 * Resynchronise (Keyfob extension): {@code {"verificationCode": ...,
	 * "nextVerificationCode": ...}}.
	 *
	 * @param verificationCode a code the token shows
	 * @param nextVerificationCode the code it shows next
	 */
	record Resync(@Nullable String verificationCode, @Nullable String nextVerificationCode) {

		String first() {
			return required(this.verificationCode, "verificationCode", "a code the token shows");
		}

		String next() {
			return required(this.nextVerificationCode, "nextVerificationCode", "the code the token shows next");
		}

	}

	/**
	 * A reference: {@code {"@odata.id": "https://.../users/{id}"}}.
	 *
	 * @param odataId the URL of the user
	 */
	record Reference(@JsonProperty("@odata.id") @Nullable String odataId) {

		/**
		 * The user id at the end of the reference URL.
		 * @return the id or user principal name
		 */
		String userKey() {
			String value = required(this.odataId, "@odata.id", "the URL of the user, ending in /users/{id}");
			int index = value.toLowerCase(java.util.Locale.ROOT).lastIndexOf("/users/");
			if (index < 0 || index + 7 >= value.length()) {
				throw invalid("@odata.id must be the URL of a user, ending in /users/{id}");
			}
			return value.substring(index + 7);
		}

	}

	private static UUID deviceId(@Nullable DeviceReference device) {
		String id = required((device != null) ? device.id() : null, "device.id", "the id of the token to assign");
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new KeyfobException(ErrorKind.NOT_FOUND, "tokenNotFound",
					"No hardware token has id '" + id + "'. Give the id that the inventory lists.");
		}
	}

	private static String required(@Nullable String value, String property, String what) {
		if (value == null || value.isBlank()) {
			throw invalid(property + " is required: give " + what + ".");
		}
		return value;
	}

	private static KeyfobException invalid(String message) {
		return new KeyfobException(ErrorKind.INVALID, "invalidRequest", message);
	}

}
