package io.keyfob.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command that starts Keyfob itself on its database (see {@link LocalKeyfob}); every
 * argument it does not know, such as {@code --spring.datasource.url=...}, is a setting.
 */
abstract class DatabaseCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Unmatched
	List<String> settings = new ArrayList<>();

	@Override
	public final Integer call() {
		try (ConfigurableApplicationContext keyfob = LocalKeyfob.start(this.settings)) {
			return run(keyfob, this.spec.commandLine().getOut());
		}
	}

	/**
	 * Do the work.
	 * @param keyfob the started application
	 * @param out where to report
	 * @return the exit code
	 */
	abstract int run(ConfigurableApplicationContext keyfob, PrintWriter out);

}
