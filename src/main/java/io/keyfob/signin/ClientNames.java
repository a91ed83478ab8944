package io.keyfob.signin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.keyfob.shared.ApplicationNames;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Client display names for logs and pages. A client's name never changes after it is
 * registered, so names found are kept: the verify API names its caller on every request
 * and should not read the client table each time for it.
 */
@Component
final class ClientNames implements ApplicationNames {

	private static final int MAX_REMEMBERED = 1000;

	private final RegisteredClientRepository clients;

	private final Map<String, String> remembered = new ConcurrentHashMap<>();

	ClientNames(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public @Nullable String displayName(@Nullable String clientId) {
		if (clientId == null) {
			return null;
		}
		String name = this.remembered.get(clientId);
		if (name != null) {
			return name;
		}
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null || client.getClientName() == null || client.getClientName().isBlank()) {
			return clientId;
		}
		if (this.remembered.size() >= MAX_REMEMBERED) {
			this.remembered.clear();
		}
		this.remembered.put(clientId, client.getClientName());
		return client.getClientName();
	}

}
