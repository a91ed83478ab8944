package io.keyfob.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Keyfob itself for a command that works on the database directly, with the same
 * configuration the server would read (application.properties next to the jar,
 * environment variables, and {@code --name=value} arguments), a web server on a random
 * loopback port that nobody uses, and only warnings in the log.
 */
final class LocalKeyfob {

	/**
	 * The application class, by name: the application's main method runs the command
	 * line, so naming the class here would make the two depend on each other.
	 */
	static final String APPLICATION = "io.keyfob.KeyfobApplication";

	private LocalKeyfob() {
	}

	static ConfigurableApplicationContext start(List<String> settings) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		args.add("--server.address=127.0.0.1");
		args.add("--logging.level.root=WARN");
		args.addAll(settings);
		return new SpringApplicationBuilder(application()).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
	}

	private static Class<?> application() {
		try {
			return Class.forName(APPLICATION);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("The command line runs only inside Keyfob's jar", ex);
		}
	}

}
