package io.keyfob.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.keyfob.support.Keyfob;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that work on the database: {@code audit verify} and {@code keys rotate},
 * run as the jar's main method runs them, against a file database that a stopped Keyfob
 * left.
 */
class DatabaseCommandsIntegrationTests {

	static final String OLD_KEY = "C".repeat(43) + "=";

	static final String NEW_KEY = "D".repeat(43) + "=";

	@TempDir
	Path dataDirectory;

	@Test
	void auditVerifyWhenIntactThenZeroAndWhenRowEditedThenOneNamingTheEntry() {
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, key(OLD_KEY))) {
			TokenInventory inventory = keyfob.getBean(TokenInventory.class);
			for (int i = 0; i < 3; i++) {
				inventory.create(NewHardwareOathToken.totp("CLI-" + i, "Feitian", "c200",
						TokenSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), 30));
			}
		}
		Run intact = run("audit", "verify", key(OLD_KEY));
		assertThat(intact.exitCode()).isZero();
		assertThat(intact.out()).contains("Audit chain intact").contains("Last hash: ");

		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, key(OLD_KEY))) {
			keyfob.getBean(JdbcClient.class)
				.sql("update audit_entry set result_reason = 'nothing to see' where seq = 2")
				.update();
		}
		Run broken = run("audit", "verify", key(OLD_KEY));
		assertThat(broken.exitCode()).isEqualTo(1);
		assertThat(broken.out()).contains("Audit chain BROKEN at entry 2").contains("changed after it was written");
	}

	@Test
	void keysRotateWhenNewKeyAndOldAsPreviousThenKeyfobStartsWithTheNewKeyAlone() {
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, key(OLD_KEY))) {
			keyfob.getBean(TokenInventory.class)
				.create(NewHardwareOathToken.totp("CLI-ROTATE", "Feitian", "c200",
						TokenSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), 30));
		}
		Run rotate = run("keys", "rotate", key(NEW_KEY), "--keyfob.secrets.previous-master-keys=" + OLD_KEY);
		assertThat(rotate.exitCode()).as(rotate.err()).isZero();
		assertThat(rotate.out()).contains("Re-wrapped 1 secrets in hardware_oath_token").contains("Retired master key");
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, key(NEW_KEY))) {
			assertThat(keyfob.getBean(TokenInventory.class).findBySerialNumber("CLI-ROTATE")).isPresent();
		}
	}

	private Run run(String command, String subcommand, String... settings) {
		List<String> args = new ArrayList<>();
		args.add(command);
		args.add(subcommand);
		args.add("--keyfob.data-dir=" + this.dataDirectory);
		args.add("--spring.datasource.url=" + Keyfob.FILE_DATABASE);
		args.addAll(List.of(settings));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		String[] arguments = args.toArray(String[]::new);
		assertThat(KeyfobCommandLine.isCommand(arguments)).isTrue();
		int exitCode = KeyfobCommandLine.run(arguments, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(exitCode, out.toString(), err.toString());
	}

	private static String key(String base64) {
		return "--keyfob.secrets.master-key=" + base64;
	}

	private record Run(int exitCode, String out, String err) {
	}

}
