package io.keyfob.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM (binaries from Maven Central), listening on
 * loopback and stopped when the JVM ends; every caller gets a database of its own.
 */
public final class TestPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	/**
	 * Create a new, empty database.
	 * @return its JDBC URL, for user {@code postgres} without a password
	 */
	public static synchronized String newDatabase() {
		String name = "keyfob_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

	/**
	 * Point a Spring Boot test at a new database on the shared server.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		String url = newDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	/**
	 * Points an application test at the one database that the tests of this kind share
	 * (made on first use): every test class naming this initializer in
	 * {@code @ContextConfiguration} with the same {@code @SpringBootTest} gets the same
	 * cached application, where a database of its own meant a start of its own.
	 */
	public static final class SharedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static String url;

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("spring.datasource.url=" + url(), "spring.datasource.username=postgres",
						"spring.datasource.password=")
				.applyTo(context);
		}

		private static synchronized String url() {
			if (url == null) {
				url = newDatabase();
			}
			return url;
		}

	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop, "test-postgres-stop"));
		}
		return server;
	}

	private static void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// the JVM is ending; zonky removes its directory on its own next start
		}
	}

}
