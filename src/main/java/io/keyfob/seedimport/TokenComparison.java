package io.keyfob.seedimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.OtpType;
import org.jspecify.annotations.Nullable;

/**
 * Compares a token of the inventory with the same serial number in a file, in words for
 * the report. The secrets are compared by the inventory itself.
 */
final class TokenComparison {

	private TokenComparison() {
	}

	/**
	 * The differences in what makes the codes: type, hash function, digits, time
	 * interval.
	 * @return such as {@code time interval 30 s in the inventory, 60 s in the file}, or
	 * {@code null} if there are none
	 */
	static @Nullable String differences(HardwareOathToken stored, NewHardwareOathToken file) {
		List<String> differences = new ArrayList<>();
		if (stored.otpType() != file.otpType()) {
			differences.add("type " + stored.otpType().graphName() + " in the inventory, " + file.otpType().graphName()
					+ " in the file");
		}
		if (stored.hashFunction() != file.hashFunction()) {
			differences.add("hash function " + SeedRules.displayName(stored.hashFunction()) + " in the inventory, "
					+ SeedRules.displayName(file.hashFunction()) + " in the file");
		}
		if (stored.digits() != file.digits()) {
			differences.add(stored.digits() + " digits in the inventory, " + file.digits() + " in the file");
		}
		if (stored.otpType() == OtpType.TOTP && file.otpType() == OtpType.TOTP
				&& !Objects.equals(stored.timeIntervalSeconds(), file.timeIntervalSeconds())) {
			differences.add("time interval " + stored.timeIntervalSeconds() + " s in the inventory, "
					+ file.timeIntervalSeconds() + " s in the file");
		}
		return differences.isEmpty() ? null : String.join("; ", differences);
	}

	/**
	 * The differences in what only describes the device: manufacturer and model.
	 * @return such as {@code manufacturer 'Feitian' (the file says 'FT')}, or
	 * {@code null} if there are none
	 */
	static @Nullable String detailDifferences(HardwareOathToken stored, NewHardwareOathToken file) {
		List<String> differences = new ArrayList<>();
		if (file.manufacturer() != null && !stored.manufacturer().equals(file.manufacturer().strip())) {
			differences.add("manufacturer '" + stored.manufacturer() + "' (the file says '"
					+ file.manufacturer().strip() + "')");
		}
		if (file.model() != null && !stored.model().equals(file.model().strip())) {
			differences.add("model '" + stored.model() + "' (the file says '" + file.model().strip() + "')");
		}
		return differences.isEmpty() ? null : String.join(" and ", differences);
	}

}
