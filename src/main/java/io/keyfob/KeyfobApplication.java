package io.keyfob;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Keyfob: a self-hosted server for hardware OATH tokens with a Microsoft Graph compatible
 * API.
 */
@Modulithic(systemName = "Keyfob", sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class KeyfobApplication {

	public static void main(String[] args) {
		SpringApplication.run(KeyfobApplication.class, args);
	}

}
