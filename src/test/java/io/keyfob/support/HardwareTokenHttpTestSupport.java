package io.keyfob.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of tests that drive hardware tokens over real HTTP: a client for the running
 * server, the bootstrap client's token, and the hardware OATH method enabled for all
 * users.
 */
public abstract class HardwareTokenHttpTestSupport {

	/** The password the tests give their users. */
	protected static final String PASSWORD = "Correct-horse-battery-1";

	@LocalServerPort
	protected int port;

	protected GraphTestClient graph;

	/** An app-only token with every application permission. */
	protected String app;

	@BeforeEach
	void connectAndEnableHardwareOath() {
		this.graph = GraphTestClient.forPort(this.port);
		this.app = this.graph.bootstrapToken();
		HardwareTokens.enableForAllUsers(this.graph, this.app);
	}

}
