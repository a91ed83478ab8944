package io.keyfob.radius;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The RADIUS clients with their opened secrets, kept for a few seconds so that a request
 * does not read the table and open a secret. A change on this node is seen at once; a
 * change made on another node within {@value #TTL_MILLIS} ms.
 */
@Component
final class KnownClients {

	static final long TTL_MILLIS = 5_000;

	private volatile Snapshot snapshot = new Snapshot(List.of(), Long.MIN_VALUE);

	List<Nas> all(Supplier<List<Nas>> load) {
		Snapshot current = this.snapshot;
		long now = System.nanoTime();
		if (current.loadedAt() != Long.MIN_VALUE && now - current.loadedAt() < TTL_MILLIS * 1_000_000) {
			return current.clients();
		}
		List<Nas> clients = load.get();
		this.snapshot = new Snapshot(clients, now);
		return clients;
	}

	void forget() {
		this.snapshot = new Snapshot(List.of(), Long.MIN_VALUE);
	}

	private record Snapshot(List<Nas> clients, long loadedAt) {
	}

}
