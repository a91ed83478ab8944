package io.keyfob.graphapi.radius;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.keyfob.radius.CreatedRadiusClient;
import io.keyfob.radius.NewRadiusClient;
import io.keyfob.radius.RadiusClient;
import io.keyfob.radius.RadiusClients;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * RADIUS clients (NAS): {@code /api/v1/radius-clients}, with the permissions of app
 * registrations. The shared secret is in the answer to create only.
 */
@RestController
@RequestMapping("/api/v1/radius-clients")
class RadiusClientsController {

	private final RadiusClients clients;

	RadiusClientsController(RadiusClients clients) {
		this.clients = clients;
	}

	@GetMapping
	@PreAuthorize("hasAnyAuthority('Application.Read.All', 'Application.ReadWrite.All')")
	Clients list() {
		return new Clients(this.clients.list().stream().map(ClientResource::of).toList());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyAuthority('Application.Read.All', 'Application.ReadWrite.All')")
	ClientResource get(@PathVariable String id) {
		return ClientResource.of(this.clients.find(id(id)).orElseThrow(() -> notFound(id)));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('Application.ReadWrite.All')")
	ResponseEntity<ClientResource> register(@RequestBody NewRadiusClient request) {
		CreatedRadiusClient created = this.clients.register(request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(created.client().id())
			.toUri();
		return ResponseEntity.created(location).body(ClientResource.of(created));
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('Application.ReadWrite.All')")
	ClientResource update(@PathVariable String id, @RequestBody NewRadiusClient changes) {
		return ClientResource.of(this.clients.update(id(id), changes));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('Application.ReadWrite.All')")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.clients.delete(id(id));
		return ResponseEntity.noContent().build();
	}

	private static UUID id(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw notFound(id);
		}
	}

	private static KeyfobException notFound(String id) {
		return new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound",
				"No RADIUS client has the id '" + id + "'.");
	}

	/**
	 * A list of RADIUS clients.
	 *
	 * @param value the clients
	 */
	record Clients(List<ClientResource> value) {
	}

	/**
	 * A RADIUS client as the API shows it.
	 *
	 * @param id the id
	 * @param displayName the name
	 * @param address the address or CIDR range
	 * @param mode {@code passwordAndCode}, {@code codeOnly} or {@code challenge}
	 * @param requireMessageAuthenticator whether requests must carry one
	 * @param stripRealm whether realms are stripped from User-Name
	 * @param appendRealm the realm appended to names without one
	 * @param createdDateTime when it was registered
	 * @param sharedSecret the shared secret, only in the answer to create
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ClientResource(String id, String displayName, String address, String mode,
			boolean requireMessageAuthenticator, boolean stripRealm, @Nullable String appendRealm,
			Instant createdDateTime, @Nullable String sharedSecret) {

		static ClientResource of(RadiusClient client) {
			return of(client, null);
		}

		static ClientResource of(CreatedRadiusClient created) {
			return of(created.client(), created.sharedSecret());
		}

		private static ClientResource of(RadiusClient client, @Nullable String secret) {
			return new ClientResource(client.id().toString(), client.displayName(), client.address(),
					client.mode().wireName(), client.requireMessageAuthenticator(), client.stripRealm(),
					client.appendRealm(), client.createdDateTime(), secret);
		}

		@Override
		public String toString() {
			return "ClientResource[id=" + this.id + "]";
		}

	}

}
