package io.keyfob.signin;

/**
 * A client together with a new secret, returned once when the client is registered or its
 * secret replaced. Keyfob keeps only a hash of the secret.
 *
 * @param client the client
 * @param secret the secret
 */
public record ClientSecret(AppClient client, String secret) {

	@Override
	public String toString() {
		return "ClientSecret[client=" + this.client.clientId() + "]";
	}

}
