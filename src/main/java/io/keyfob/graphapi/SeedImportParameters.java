package io.keyfob.graphapi;

import java.util.Locale;
import java.util.Map;

import io.keyfob.seedimport.MacCheck;
import io.keyfob.seedimport.OptionNames;
import io.keyfob.seedimport.SecretEncoding;
import io.keyfob.seedimport.SeedFileFormat;
import io.keyfob.seedimport.SeedImportRequest;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

/**
 * The form fields of a seed file upload, turned into an import request. Names and values
 * are those of docs/api.md; values are case-insensitive, and hyphens, underscores and
 * spaces in them are ignored ({@code entra-csv}, {@code ENTRA_CSV} and {@code entraCsv}
 * are one format). An error names the field, never the key or password given.
 */
final class SeedImportParameters {

	private SeedImportParameters() {
	}

	static SeedImportRequest request(Map<String, String> fields, @Nullable String fileName) {
		SeedImportRequest request = SeedImportRequest.defaults()
			.withFileName(fileName)
			.withFormat(format(fields.get("format")))
			.withSecretEncoding(secretEncoding(fields.get("secretEncoding")))
			.withMacCheck(macCheck(fields.get("macCheck")))
			.withDryRun(flag(fields, "dryRun"))
			.withAllOrNothing(flag(fields, "allOrNothing"))
			.withReplace(flag(fields, "replace"))
			.withDevice(text(fields.get("manufacturer")), text(fields.get("model")));
		String psk = text(fields.get("psk"));
		if (psk != null) {
			request = request.withPreSharedKeyHex(psk);
		}
		String password = fields.get("password");
		return (password != null && !password.isEmpty()) ? request.withPassword(password.toCharArray()) : request;
	}

	/**
	 * How the import's messages name its options: the API's fields, or with
	 * {@code hintsFor=commandLine} the flags of {@code keyfob import}, which uses this
	 * API.
	 */
	static OptionNames optionNames(Map<String, String> fields) {
		String name = name(fields.get("hintsFor"));
		if (name == null || name.equals("api")) {
			return OptionNames.API;
		}
		if (name.equals("commandline")) {
			return OptionNames.COMMAND_LINE;
		}
		throw invalid("hintsFor", "use api or commandLine, or leave it out");
	}

	private static @Nullable SeedFileFormat format(@Nullable String value) {
		String name = name(value);
		if (name == null) {
			return null;
		}
		return switch (name.endsWith("csv") ? name.substring(0, name.length() - 3) : name) {
			case "entra" -> SeedFileFormat.ENTRA_CSV;
			case "vendor" -> SeedFileFormat.VENDOR_CSV;
			case "privacyidea" -> SeedFileFormat.PRIVACYIDEA_CSV;
			case "pskc" -> SeedFileFormat.PSKC;
			default -> throw invalid("format", "use entraCsv, vendorCsv, privacyIdeaCsv or pskc, or leave it out "
					+ "to detect the format from the file");
		};
	}

	private static SecretEncoding secretEncoding(@Nullable String value) {
		String name = name(value);
		if (name == null || name.equals("base32")) {
			return SecretEncoding.BASE32;
		}
		if (name.equals("hex")) {
			return SecretEncoding.HEX;
		}
		throw invalid("secretEncoding", "use base32 or hex");
	}

	private static MacCheck macCheck(@Nullable String value) {
		String name = name(value);
		if (name == null) {
			return MacCheck.REJECT_KEY;
		}
		return switch (name) {
			case "rejectkey", "key" -> MacCheck.REJECT_KEY;
			case "rejectfile", "file" -> MacCheck.REJECT_FILE;
			case "skip", "none" -> MacCheck.SKIP;
			default -> throw invalid("macCheck", "use rejectKey (the default: a key whose MAC fails is rejected), "
					+ "rejectFile (any MAC failure rejects the file) or skip");
		};
	}

	private static boolean flag(Map<String, String> fields, String field) {
		String name = name(fields.get(field));
		if (name == null || name.equals("false")) {
			return false;
		}
		if (name.equals("true")) {
			return true;
		}
		throw invalid(field, "use true or false");
	}

	private static @Nullable String name(@Nullable String value) {
		String text = text(value);
		return (text != null) ? text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "") : null;
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static KeyfobException invalid(String field, String what) {
		return new KeyfobException(ErrorKind.INVALID, "invalidRequest", field + ": " + what);
	}

}
