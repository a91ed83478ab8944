package io.keyfob.radius;

/**
 * A RADIUS client as the server needs it: its settings, its address range and its opened
 * shared secret. Lives in memory only.
 *
 * @param client the settings
 * @param address the source range
 * @param secret the shared secret
 */
record Nas(RadiusClient client, ClientAddress address, byte[] secret) {

	@Override
	public String toString() {
		return "Nas[" + this.client.displayName() + "]";
	}

}
