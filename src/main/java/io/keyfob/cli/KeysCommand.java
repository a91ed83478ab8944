package io.keyfob.cli;

import java.io.PrintWriter;
import java.util.Map;

import io.keyfob.shared.secret.MasterKeyRotated;
import io.keyfob.shared.secret.MasterKeyRotation;
import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code keyfob keys rotate}: re-wraps every sealed secret under a new master key.
 */
@Command(name = "keys", description = "Work on the master key.", subcommands = KeysCommand.Rotate.class)
final class KeysCommand {

	/**
	 * Works on the database directly: the secrets must be opened with the old key and
	 * sealed with the new one, which only this machine's configuration holds.
	 */
	@Command(name = "rotate", mixinStandardHelpOptions = true, description = {
			"Re-wrap every sealed secret (token seeds, signing keys, remembered wrong codes) under the new master key "
					+ "and retire the old one.",
			"Set the NEW key as keyfob.secrets.master-key (KEYFOB_SECRETS_MASTER_KEY) and the OLD one in "
					+ "keyfob.secrets.previous-master-keys (KEYFOB_SECRETS_PREVIOUS_MASTER_KEYS), with the same "
					+ "database settings as the server. Afterwards Keyfob starts with the new key alone.",
			"Exit code 0: done; 2: could not finish (run it again)." })
	static final class Rotate extends DatabaseCommand {

		@Override
		int run(ConfigurableApplicationContext keyfob, PrintWriter out) {
			MasterKeyRotated rotated = keyfob.getBean(MasterKeyRotation.class).rotate();
			for (Map.Entry<String, Long> table : rotated.resealed().entrySet()) {
				out.printf("Re-wrapped %d secrets in %s%n", table.getValue(), table.getKey());
			}
			out.printf("Every secret is sealed under master key %s.%n", rotated.currentKeyId());
			if (!rotated.retiredKeyIds().isEmpty()) {
				out.printf(
						"Retired master key ids: %s. Remove the old key from "
								+ "keyfob.secrets.previous-master-keys and restart the nodes.%n",
						String.join(", ", rotated.retiredKeyIds()));
			}
			return 0;
		}

	}

}
