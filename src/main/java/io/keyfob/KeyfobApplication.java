package io.keyfob;

import io.keyfob.cli.KeyfobCommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Keyfob: a self-hosted server for hardware OATH tokens with a Microsoft Graph compatible
 * API. With a command as first argument ({@code import ...}), runs that command against a
 * running Keyfob instead of starting the server.
 */
@Modulithic(systemName = "Keyfob", sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class KeyfobApplication {

	/**
	 * Start the server, or run a command of the command line when the first argument
	 * names one (see {@link KeyfobCommandLine}).
	 * @param args the program arguments
	 */
	public static void main(String[] args) {
		if (KeyfobCommandLine.isCommand(args)) {
			System.exit(KeyfobCommandLine.run(args));
		}
		SpringApplication.run(KeyfobApplication.class, args);
	}

}
