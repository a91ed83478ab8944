package io.keyfob.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code keyfob.*} that more than one module reads.
 *
 * @param dataDir where the embedded database and the generated master key file live
 */
@ConfigurationProperties("keyfob")
public record KeyfobProperties(@DefaultValue("./data") Path dataDir) {
}
