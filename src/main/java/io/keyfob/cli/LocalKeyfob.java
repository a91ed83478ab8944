package io.keyfob.cli;

import java.util.ArrayList;
import java.util.List;

import io.keyfob.KeyfobApplication;

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

	private LocalKeyfob() {
	}

	static ConfigurableApplicationContext start(List<String> settings) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		args.add("--server.address=127.0.0.1");
		args.add("--logging.level.root=WARN");
		args.addAll(settings);
		return new SpringApplicationBuilder(KeyfobApplication.class).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
	}

}
