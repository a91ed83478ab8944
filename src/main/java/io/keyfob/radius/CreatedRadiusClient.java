package io.keyfob.radius;

/**
 * A RADIUS client just registered, with its shared secret: the only time the secret is
 * shown.
 *
 * @param client the client
 * @param sharedSecret the generated shared secret
 */
public record CreatedRadiusClient(RadiusClient client, String sharedSecret) {

	@Override
	public String toString() {
		return "CreatedRadiusClient[client=" + this.client + "]";
	}

}
