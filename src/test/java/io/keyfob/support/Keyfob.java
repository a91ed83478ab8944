package io.keyfob.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.keyfob.KeyfobApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a whole Keyfob on an H2 file database in a given data directory, for tests that
 * stop and start it again (restarts, crashes, wrong keys). Arguments win over every
 * configuration file.
 */
public final class Keyfob {

	/**
	 * The application's own embedded database, in file mode (the test settings use
	 * memory).
	 */
	public static final String FILE_DATABASE = "jdbc:h2:file:${keyfob.data-dir}/keyfob;${keyfob.embedded-database-options}";

	private Keyfob() {
	}

	/**
	 * Start Keyfob on a random loopback port.
	 * @param dataDirectory the data directory; the H2 file lives in it
	 * @param arguments further command-line arguments, such as
	 * {@code --keyfob.secrets.master-key=...}
	 * @return the running application; close it to stop
	 */
	public static ConfigurableApplicationContext start(Path dataDirectory, String... arguments) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		args.add("--server.address=127.0.0.1");
		args.add("--keyfob.data-dir=" + dataDirectory);
		args.add("--spring.datasource.url=" + FILE_DATABASE);
		args.addAll(List.of(arguments));
		return new SpringApplicationBuilder(KeyfobApplication.class).run(args.toArray(String[]::new));
	}

}
