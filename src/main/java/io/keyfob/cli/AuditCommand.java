package io.keyfob.cli;

import java.io.PrintWriter;

import io.keyfob.audit.AuditLog;
import io.keyfob.audit.ChainVerification;
import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code keyfob audit verify}: checks the audit log's hash chain in the database.
 */
@Command(name = "audit", description = "Work on the audit log.", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

	/**
	 * Checks the chain directly in the database, not through a running server: the check
	 * must not trust the server whose log it checks, and it works while the server is
	 * down. It reads the database settings as the server does.
	 */
	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = { "Check the audit log's hash chain in the database and report the first broken entry.",
					"Reads the same settings as the server: SPRING_DATASOURCE_URL and friends, or "
							+ "--spring.datasource.url=... on the command line.",
					"Exit code 0: intact; 1: broken; 2: could not check." })
	static final class Verify extends DatabaseCommand {

		@Override
		int run(ConfigurableApplicationContext keyfob, PrintWriter out) {
			ChainVerification result = keyfob.getBean(AuditLog.class).verify();
			if (result.intact()) {
				out.printf("Audit chain intact: %d entries checked (positions %d to %d).%n", result.entriesChecked(),
						result.anchorSequence() + 1, result.lastSequence());
				out.printf("Last hash: %s%n", result.lastHash());
				out.println("Keep the last hash somewhere else: a later check can then also detect a rewritten chain.");
				return 0;
			}
			out.printf("Audit chain BROKEN at entry %d%s: %s%n", result.brokenAt(),
					(result.brokenEntryId() != null) ? " (id " + result.brokenEntryId() + ")" : "", result.problem());
			out.printf("%d entries before it are intact.%n", result.entriesChecked());
			return 1;
		}

	}

}
