package io.keyfob.seedimport;

import java.util.Locale;
import java.util.UUID;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.seedimport.SeedFileRejected.Problem;

import org.springframework.util.unit.DataSize;

/**
 * The refusals of the import module, with their Graph-style error codes, and the texts of
 * job messages. No text here contains a secret, key or password.
 */
final class SeedImportErrors {

	static final String STOPPED_BEFORE_START = "The server stopped before this import started; nothing was stored. "
			+ "Import the file again.";

	static final String ABANDONED = "The server running this import stopped; the tokens counted as stored stay "
			+ "stored. Import the file again: tokens already stored are reported as unchanged.";

	static final String ABANDONED_ALL_OR_NOTHING = "The server running this all-or-nothing import stopped before "
			+ "it committed; nothing was stored. Import the file again.";

	private SeedImportErrors() {
	}

	/**
	 * A file the readers refused as a whole.
	 * @param rejected the reader's refusal, whose message is meant for people
	 * @param names how the importer's channel names options
	 * @return the refusal
	 */
	static KeyfobException fileRejected(SeedFileRejected rejected, OptionNames names) {
		return new KeyfobException(ErrorKind.INVALID, code(rejected.problem()), names.render(rejected.getMessage()));
	}

	static String code(Problem problem) {
		return switch (problem) {
			case UNKNOWN_FORMAT -> "unknownFileFormat";
			case MALFORMED -> "malformedFile";
			case UNSAFE_XML -> "unsafeXml";
			case UNSUPPORTED -> "unsupportedFile";
			case KEY_REQUIRED -> "keyRequired";
			case WRONG_KEY -> "wrongKey";
			case MAC_FAILED -> "macCheckFailed";
			case TOO_MANY_ROWS -> "tooManyRows";
		};
	}

	static KeyfobException tooLarge(DataSize limit) {
		return new KeyfobException(ErrorKind.INVALID, "fileTooLarge", tooLargeMessage(limit));
	}

	/**
	 * Says that a file is larger than allowed, for the HTTP adapter as well.
	 * @param limit the limit
	 * @return the message
	 */
	static String tooLargeMessage(DataSize limit) {
		return "The file is larger than " + describe(limit) + ", the most this server accepts "
				+ "(keyfob.seed-import.max-file-size): split it into smaller files";
	}

	static KeyfobException unreadable() {
		return new KeyfobException(ErrorKind.INVALID, "malformedFile",
				"The upload could not be read to its end: send the file again");
	}

	static KeyfobException empty() {
		return new KeyfobException(ErrorKind.INVALID, "unknownFileFormat", "The file is empty");
	}

	static KeyfobException noTokens() {
		return new KeyfobException(ErrorKind.INVALID, "noTokens",
				"The file holds no tokens, only a header or comments: nothing to import");
	}

	static KeyfobException assignmentNotAllowed(int rows) {
		return new KeyfobException(ErrorKind.FORBIDDEN, "Authorization_RequestDenied", rows
				+ " rows of this file assign their token to a user, which needs the permission "
				+ "UserAuthenticationMethod.ReadWrite.All as well: import it as a caller who holds it, or remove the "
				+ "users from the file to import the tokens unassigned");
	}

	static KeyfobException busy(int held) {
		return new KeyfobException(ErrorKind.TOO_MANY_REQUESTS, "tooManyImports", "This server is running or queuing "
				+ held + " imports already: wait for one to finish and upload the file again");
	}

	static KeyfobException jobNotFound(UUID id) {
		return new KeyfobException(ErrorKind.NOT_FOUND, "importNotFound", "No seed import has id " + id
				+ ": use the id from the Location header of the upload; reports are kept for a limited time");
	}

	private static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes % 1024 == 0) {
			return size.toKilobytes() + " KB";
		}
		return String.format(Locale.ROOT, "%,d bytes", bytes);
	}

}
