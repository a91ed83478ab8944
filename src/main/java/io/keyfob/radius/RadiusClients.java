package io.keyfob.radius;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.radius.jdbc.JdbcRadiusClients;
import io.keyfob.radius.jdbc.JdbcRadiusClients.Row;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.secret.SecretSealer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RADIUS clients (NAS) Keyfob answers: register, list, change, delete. A client's
 * shared secret is generated here (32 letters and digits, about 190 bits), stored sealed
 * like token seeds, and shown once, in the answer to {@link #register}.
 * <p>
 * Refusals are {@link KeyfobException}s with a message for the administrator.
 */
@Service
public class RadiusClients {

	static final String SECRET_CONTEXT = "radius-secret:";

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final int SECRET_LENGTH = 32;

	private static final int MAX_NAME = 256;

	private static final int MAX_REALM = 200;

	private final JdbcRadiusClients rows;

	private final SecretSealer sealer;

	private final Clock clock;

	private final KnownClients known;

	private final SecureRandom random = new SecureRandom();

	RadiusClients(JdbcRadiusClients rows, SecretSealer sealer, Clock clock, KnownClients known) {
		this.rows = rows;
		this.sealer = sealer;
		this.clock = clock;
		this.known = known;
	}

	public List<RadiusClient> list() {
		return this.rows.findAll().stream().map(RadiusClients::client).toList();
	}

	public Optional<RadiusClient> find(UUID id) {
		return this.rows.find(id).map(RadiusClients::client);
	}

	/**
	 * Register a RADIUS client with a new shared secret.
	 * @param request the client's settings; {@code displayName}, {@code address} and
	 * {@code mode} are required
	 * @return the client and its secret, which is never shown again
	 */
	@Transactional
	public CreatedRadiusClient register(NewRadiusClient request) {
		Settings settings = Settings.validate(request, null);
		UUID id = UUID.randomUUID();
		String secret = newSecret();
		Row row = new Row(id, settings.displayName(), settings.address(), settings.mode().wireName(),
				settings.requireMessageAuthenticator(), settings.stripRealm(), settings.appendRealm(),
				this.sealer.seal(secret.getBytes(StandardCharsets.US_ASCII), SECRET_CONTEXT + id),
				this.clock.instant().atOffset(java.time.ZoneOffset.UTC));
		this.rows.insert(row);
		this.known.forget();
		return new CreatedRadiusClient(client(row), secret);
	}

	/**
	 * Change a client's settings; the secret stays.
	 * @param id the client
	 * @param changes the fields to change; {@code null} fields keep their value
	 * @return the client as it is now
	 */
	@Transactional
	public RadiusClient update(UUID id, NewRadiusClient changes) {
		Row current = this.rows.find(id).orElseThrow(() -> notFound(id));
		Settings settings = Settings.validate(changes, client(current));
		Row row = new Row(id, settings.displayName(), settings.address(), settings.mode().wireName(),
				settings.requireMessageAuthenticator(), settings.stripRealm(), settings.appendRealm(), current.secret(),
				current.createdDateTime());
		if (!this.rows.update(row)) {
			throw notFound(id);
		}
		this.known.forget();
		return client(row);
	}

	@Transactional
	public void delete(UUID id) {
		if (!this.rows.delete(id)) {
			throw notFound(id);
		}
		this.known.forget();
	}

	/**
	 * The client a request's source address belongs to: the one with the longest matching
	 * prefix.
	 * @param source the request's source address
	 * @return the client and its secret, or empty for an unknown source
	 */
	Optional<Nas> match(InetAddress source) {
		return this.known.all(this::load)
			.stream()
			.filter((nas) -> nas.address().matches(source))
			.max(Comparator.comparingInt((Nas nas) -> nas.address().prefixLength()));
	}

	private List<Nas> load() {
		return this.rows.findAll()
			.stream()
			.map((row) -> new Nas(client(row), ClientAddress.parse(row.address()),
					this.sealer.open(row.secret(), SECRET_CONTEXT + row.id())))
			.toList();
	}

	private String newSecret() {
		StringBuilder secret = new StringBuilder(SECRET_LENGTH);
		for (int i = 0; i < SECRET_LENGTH; i++) {
			secret.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return secret.toString();
	}

	private static RadiusClient client(Row row) {
		return new RadiusClient(row.id(), row.displayName(), row.address(),
				RadiusMode.ofWireName(row.mode()).orElseThrow(), row.requireMessageAuthenticator(), row.stripRealm(),
				row.appendRealm(), row.createdDateTime().toInstant());
	}

	private static KeyfobException notFound(UUID id) {
		return new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound",
				"No RADIUS client has the id '" + id + "'.");
	}

	/**
	 * Settings checked for storing.
	 */
	private record Settings(String displayName, String address, RadiusMode mode, boolean requireMessageAuthenticator,
			boolean stripRealm, @Nullable String appendRealm) {

		static Settings validate(NewRadiusClient request, @Nullable RadiusClient current) {
			String name = (request.displayName() != null) ? request.displayName().strip()
					: (current != null) ? current.displayName() : "";
			if (name.isEmpty() || name.length() > MAX_NAME) {
				throw invalid("Property 'displayName' is required: a name of 1 to " + MAX_NAME + " characters.");
			}
			String address = (request.address() != null) ? request.address()
					: (current != null) ? current.address() : null;
			if (address == null) {
				throw invalid("Property 'address' is required: the NAS's IP address or a CIDR range.");
			}
			String normalised;
			try {
				normalised = ClientAddress.parse(address).text();
			}
			catch (IllegalArgumentException ex) {
				throw invalid("Property 'address': " + ex.getMessage());
			}
			RadiusMode mode = (request.mode() != null)
					? RadiusMode.ofWireName(request.mode())
						.orElseThrow(() -> invalid("Property 'mode' must be passwordAndCode, codeOnly or challenge."))
					: (current != null) ? current.mode() : null;
			if (mode == null) {
				throw invalid("Property 'mode' is required: passwordAndCode, codeOnly or challenge.");
			}
			boolean require = (request.requireMessageAuthenticator() != null) ? request.requireMessageAuthenticator()
					: (current == null || current.requireMessageAuthenticator());
			boolean strip = (request.stripRealm() != null) ? request.stripRealm()
					: (current != null && current.stripRealm());
			String realm = (request.appendRealm() != null) ? request.appendRealm().strip()
					: (current != null) ? current.appendRealm() : null;
			if (realm != null && (realm.length() > MAX_REALM || !realm.matches("[A-Za-z0-9.-]*"))) {
				throw invalid("Property 'appendRealm' must be a domain such as example.org, or empty for none.");
			}
			return new Settings(name, normalised, mode, require, strip,
					(realm == null || realm.isEmpty()) ? null : realm);
		}

		private static KeyfobException invalid(String message) {
			return new KeyfobException(ErrorKind.INVALID, "Request_BadRequest", message);
		}

	}

}
