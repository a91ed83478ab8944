package io.keyfob.shared.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key file in the data directory, used when no key is configured. Created on
 * first start, readable and writable by its owner only.
 */
final class MasterKeyFile {

	static final String NAME = "master.key";

	private static final Logger logger = LoggerFactory.getLogger(MasterKeyFile.class);

	private MasterKeyFile() {
	}

	static MasterKey loadOrCreate(Path dataDirectory) {
		Path file = dataDirectory.resolve(NAME);
		try {
			if (Files.notExists(file)) {
				create(dataDirectory, file);
			}
			return MasterKeyring.decode(Files.readString(file, StandardCharsets.US_ASCII), "The key file " + file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the master key file " + file
					+ ": check that the data directory is writable, or set keyfob.secrets.master-key", ex);
		}
	}

	private static void create(Path dataDirectory, Path file) throws IOException {
		Files.createDirectories(dataDirectory);
		byte[] material = new byte[MasterKey.LENGTH];
		new SecureRandom().nextBytes(material);
		String content = Base64.getEncoder().encodeToString(material) + "\n";
		try {
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			return; // another node on the same data directory won the race; use its key
		}
		Files.writeString(file, content, StandardCharsets.US_ASCII);
		logger.warn("Created a new master key file {}. Back it up: without it no seed can be opened.", file);
	}

}
