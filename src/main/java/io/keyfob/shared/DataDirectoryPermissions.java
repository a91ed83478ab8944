package io.keyfob.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Keeps the data directory private to Keyfob's user, like the master key file in it: the
 * directory is made {@code rwx------} before the embedded database opens, so the files H2
 * creates there are out of other users' reach from the first byte, and once started every
 * file in it is made {@code rw-------}. Nothing happens on file systems without POSIX
 * permissions.
 */
final class DataDirectoryPermissions implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent> {

	private final Path directory;

	DataDirectoryPermissions(Path directory) {
		this.directory = directory;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource && posix()) {
			try {
				Files.createDirectories(this.directory);
				Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwx------"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not make the data directory " + this.directory + " private", ex);
			}
		}
		return bean;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!posix() || !Files.isDirectory(this.directory)) {
			return;
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not make the files in " + this.directory + " private", ex);
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}
