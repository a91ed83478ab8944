package io.keyfob.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyfob.KeyfobApplication;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.TestPostgres;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole Keyfob for a benchmark, on 127.0.0.1 and a random port, with the embedded H2
 * database in file mode (as it runs by default) or on the embedded PostgreSQL server of
 * the tests, and the tests' bootstrap credentials.
 */
final class BenchKeyfob implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private BenchKeyfob(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Start Keyfob.
	 * @param db {@code h2} or {@code postgresql}
	 * @param settings more {@code --name=value} arguments
	 * @return the running Keyfob
	 * @throws IOException if the data directory cannot be made
	 */
	static BenchKeyfob start(String db, String... settings) throws IOException {
		return start(db, (beanFactory) -> {
		}, settings);
	}

	/**
	 * Start Keyfob with a change to its bean definitions.
	 * @param db {@code h2} or {@code postgresql}
	 * @param change applied to the bean factory before the beans are made
	 * @param settings more {@code --name=value} arguments
	 * @return the running Keyfob
	 * @throws IOException if the data directory cannot be made
	 */
	static BenchKeyfob start(String db, BeanFactoryPostProcessor change, String... settings) throws IOException {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--keyfob.secrets.master-key=Yt7jHfZC4Tqm1cVd8pX0s2wKeLrN5bUo9gAiQy3vMhE=",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		Path dataDir = Files.createTempDirectory("keyfob-bench");
		args.add("--keyfob.data-dir=" + dataDir);
		if (db.equals("postgresql")) {
			args.add("--spring.datasource.url=" + TestPostgres.newDatabase());
			args.add("--spring.datasource.username=postgres");
			args.add("--spring.datasource.password=");
		}
		args.add("--keyfob.bootstrap.admin-upn=" + GraphTestClient.ADMIN_UPN);
		args.add("--keyfob.bootstrap.admin-password=" + GraphTestClient.ADMIN_PASSWORD);
		args.add("--keyfob.bootstrap.client-id=" + GraphTestClient.BOOTSTRAP_CLIENT_ID);
		args.add("--keyfob.bootstrap.client-secret=" + GraphTestClient.BOOTSTRAP_CLIENT_SECRET);
		args.addAll(List.of(settings));
		return new BenchKeyfob(new SpringApplicationBuilder(KeyfobApplication.class)
			.initializers((context) -> context.addBeanFactoryPostProcessor(change))
			.run(args.toArray(String[]::new)));
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	String base() {
		return "http://127.0.0.1:" + port();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * Reads {@code --name=value} program arguments.
	 * @param args the arguments
	 * @return the values by name; a bare {@code --name} is {@code true}
	 */
	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		}
		return options;
	}

}
