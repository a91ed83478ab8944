package io.keyfob.graphapi.clients;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.signin.AppClient;
import io.keyfob.signin.ClientRegistrations;
import io.keyfob.signin.ClientSecret;
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
 * App registrations: {@code /api/v1/clients}. A registered client gets app-only tokens
 * with the client credentials grant and holds the Graph application permissions given
 * here. The secret is in the response to create and to {@code POST .../secret} only.
 */
@RestController
@RequestMapping("/api/v1/clients")
class ClientsController {

	private final ClientRegistrations registrations;

	ClientsController(ClientRegistrations registrations) {
		this.registrations = registrations;
	}

	@GetMapping
	@PreAuthorize("hasAnyAuthority('Application.Read.All', 'Application.ReadWrite.All')")
	Clients list() {
		return new Clients(this.registrations.list().stream().map(ClientResource::of).toList());
	}

	@GetMapping("/{clientId}")
	@PreAuthorize("hasAnyAuthority('Application.Read.All', 'Application.ReadWrite.All')")
	ClientResource get(@PathVariable String clientId) {
		return ClientResource.of(this.registrations.find(clientId)
			.orElseThrow(() -> new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound",
					"No application has the client id '" + clientId + "'.")));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('Application.ReadWrite.All')")
	ResponseEntity<ClientResource> register(@RequestBody NewClient request) {
		ClientSecret created = this.registrations.register(request.displayName(),
				(request.permissions() != null) ? request.permissions() : Set.of());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{clientId}")
			.buildAndExpand(created.client().clientId())
			.toUri();
		return ResponseEntity.created(location).body(ClientResource.of(created));
	}

	@PatchMapping("/{clientId}")
	@PreAuthorize("hasAuthority('Application.ReadWrite.All')")
	ClientResource replacePermissions(@PathVariable String clientId, @RequestBody Permissions request) {
		if (request.permissions() == null) {
			throw new KeyfobException(ErrorKind.INVALID, "Request_BadRequest", "Property 'permissions' is required.");
		}
		return ClientResource.of(this.registrations.replacePermissions(clientId, request.permissions()));
	}

	@PostMapping("/{clientId}/secret")
	@PreAuthorize("hasAuthority('Application.ReadWrite.All')")
	ClientResource replaceSecret(@PathVariable String clientId) {
		return ClientResource.of(this.registrations.replaceSecret(clientId));
	}

	@DeleteMapping("/{clientId}")
	@PreAuthorize("hasAuthority('Application.ReadWrite.All')")
	ResponseEntity<Void> delete(@PathVariable String clientId) {
		this.registrations.delete(clientId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The body of a registration.
	 *
	 * @param displayName a name for people
	 * @param permissions Graph application permission names
	 */
	record NewClient(@Nullable String displayName, @Nullable Set<String> permissions) {
	}

	/**
	 * The body of a permission change.
	 *
	 * @param permissions the permissions the client holds from now on
	 */
	record Permissions(@Nullable Set<String> permissions) {
	}

	/**
	 * A list of clients.
	 *
	 * @param value the clients
	 */
	record Clients(List<ClientResource> value) {
	}

	/**
	 * A client as the API shows it.
	 *
	 * @param clientId the client id
	 * @param displayName the name
	 * @param permissions the granted permissions
	 * @param createdDateTime when it was registered
	 * @param builtIn whether Keyfob registered it itself
	 * @param clientSecret the new secret, only right after it was made
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ClientResource(String clientId, String displayName, Set<String> permissions, Instant createdDateTime,
			boolean builtIn, @Nullable String clientSecret) {

		static ClientResource of(AppClient client) {
			return new ClientResource(client.clientId(), client.displayName(), client.permissions(),
					client.createdDateTime(), client.builtIn(), null);
		}

		static ClientResource of(ClientSecret created) {
			AppClient client = created.client();
			return new ClientResource(client.clientId(), client.displayName(), client.permissions(),
					client.createdDateTime(), client.builtIn(), created.secret());
		}

		@Override
		public String toString() {
			return "ClientResource[clientId=" + this.clientId + "]";
		}

	}

}
