package io.keyfob.signin.jdbc;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What Spring Security's client repository does not offer: listing and deleting.
 */
@Repository
public class JdbcClients {

	private static final String SELECT_IDS = "select client_id from oauth2_registered_client order by client_name, client_id";

	private static final String DELETE_AUTHORIZATIONS = "delete from oauth2_authorization where registered_client_id = :id";

	private static final String DELETE_CONSENTS = "delete from oauth2_authorization_consent where registered_client_id = :id";

	private static final String DELETE = "delete from oauth2_registered_client where id = :id";

	private final JdbcClient jdbc;

	JdbcClients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> clientIds() {
		return this.jdbc.sql(SELECT_IDS).query(String.class).list();
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
