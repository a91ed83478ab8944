package io.keyfob.signin.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/**
 * What Spring Security's client repository does not offer: listing, deleting and a
 * client's scopes alone.
 */
@Repository
public class JdbcClients {

	private static final String SELECT_IDS = "select client_id from oauth2_registered_client order by client_name, client_id";

	private static final String DELETE_AUTHORIZATIONS = "delete from oauth2_authorization where registered_client_id = :id";

	private static final String DELETE_CONSENTS = "delete from oauth2_authorization_consent where registered_client_id = :id";

	private static final String DELETE = "delete from oauth2_registered_client where id = :id";

	private static final String SELECT_SCOPES = "select scopes from oauth2_registered_client where client_id = :clientId";

	private final JdbcClient jdbc;

	JdbcClients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> clientIds() {
		return this.jdbc.sql(SELECT_IDS).query(String.class).list();
	}

	/**
	 * A client's scopes, read alone: the resource server asks for them with every request
	 * of an application, and reading the whole client parses its settings' JSON.
	 * @param clientId the client id
	 * @return its scopes, or empty when no such client exists
	 */
	public Optional<Set<String>> scopes(String clientId) {
		return this.jdbc.sql(SELECT_SCOPES)
			.param("clientId", clientId)
			.query(String.class)
			.optional()
			.map(StringUtils::commaDelimitedListToSet);
	}

	/**
	 * Delete a client with its authorizations and consents.
	 * @param registeredClientId the registered client's internal id
	 */
	public void delete(String registeredClientId) {
		this.jdbc.sql(DELETE_AUTHORIZATIONS).param("id", registeredClientId).update();
		this.jdbc.sql(DELETE_CONSENTS).param("id", registeredClientId).update();
		this.jdbc.sql(DELETE).param("id", registeredClientId).update();
	}

}
