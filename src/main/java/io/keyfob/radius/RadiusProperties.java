package io.keyfob.radius;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RADIUS server's settings, {@code keyfob.radius.*}.
 *
 * @param enabled whether the server runs (default off)
 * @param port the UDP port (default 1812; 0 picks a free one)
 * @param address the address to bind, or {@code null} for every interface
 * @param threads the requests checked at once (each may wait on the database)
 * @param queue the requests that may wait for a thread; beyond that, requests are dropped
 * and the NAS retransmits
 */
@ConfigurationProperties("keyfob.radius")
public record RadiusProperties(@DefaultValue("false") boolean enabled, @DefaultValue("1812") int port,
		@Nullable String address, @DefaultValue("16") int threads, @DefaultValue("512") int queue) {

	public RadiusProperties {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("keyfob.radius.port must be a UDP port from 0 to 65535");
		}
		if (threads < 1 || queue < 1) {
			throw new IllegalArgumentException("keyfob.radius.threads and keyfob.radius.queue must be at least 1");
		}
	}

}
