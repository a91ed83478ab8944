package io.keyfob.radius;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.aaa4j.radius.core.attribute.Attribute;
import org.aaa4j.radius.core.attribute.StringData;
import org.aaa4j.radius.core.attribute.TextData;
import org.aaa4j.radius.core.attribute.attributes.MessageAuthenticator;
import org.aaa4j.radius.core.attribute.attributes.UserName;
import org.aaa4j.radius.core.attribute.attributes.UserPassword;
import org.aaa4j.radius.core.dictionary.dictionaries.StandardDictionary;
import org.aaa4j.radius.core.packet.Packet;
import org.aaa4j.radius.core.packet.PacketCodec;
import org.aaa4j.radius.core.packet.PacketCodecException;

/**
 * Raw datagrams to the RADIUS server from one socket, for what radclient cannot do: send
 * the very same packet twice, leave out the Message-Authenticator, send garbage.
 */
final class RawRadius implements AutoCloseable {

	private final DatagramSocket socket;

	private final InetSocketAddress server;

	private final PacketCodec codec = new PacketCodec(new StandardDictionary());

	RawRadius(int port, String source) {
		try {
			this.socket = new DatagramSocket(new InetSocketAddress(source, 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server = new InetSocketAddress("127.0.0.1", port);
	}

	/**
	 * An Access-Request.
	 * @param secret the shared secret
	 * @param userName User-Name
	 * @param password User-Password
	 * @param messageAuthenticator whether to add a Message-Authenticator
	 * @return the datagram
	 */
	byte[] accessRequest(String secret, String userName, String password, boolean messageAuthenticator) {
		List<Attribute<?>> attributes = new ArrayList<>();
		if (messageAuthenticator) {
			attributes.add(new MessageAuthenticator());
		}
		attributes.add(new UserName(new TextData(userName)));
		attributes.add(new UserPassword(new StringData(password.getBytes(StandardCharsets.UTF_8))));
		return request(1, secret, attributes);
	}

	/**
	 * A request with the attributes given, in order; a {@link MessageAuthenticator} among
	 * them is filled in.
	 * @param code the packet code: 1 Access-Request, 12 Status-Server
	 * @param secret the shared secret
	 * @param attributes the attributes
	 * @return the datagram
	 */
	byte[] request(int code, String secret, List<Attribute<?>> attributes) {
		byte[] authenticator = new byte[16];
		new SecureRandom().nextBytes(authenticator);
		try {
			return this.codec.encodeRequest(new Packet(code, attributes), secret.getBytes(StandardCharsets.UTF_8),
					authenticator);
		}
		catch (PacketCodecException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Send a datagram and wait up to 1.5 s for the answer.
	 * @param datagram the bytes
	 * @return the answer, or empty
	 */
	Optional<byte[]> exchange(byte[] datagram) {
		send(datagram);
		return receive(1500);
	}

	/**
	 * Send a datagram without waiting for an answer.
	 * @param datagram the bytes
	 */
	void send(byte[] datagram) {
		try {
			this.socket.send(new DatagramPacket(datagram, datagram.length, this.server));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The next datagram that arrives within a time.
	 * @param millis how long to wait
	 * @return the datagram, or empty
	 */
	Optional<byte[]> receive(int millis) {
		try {
			this.socket.setSoTimeout(millis);
			byte[] buffer = new byte[4096];
			DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
			this.socket.receive(answer);
			return Optional.of(Arrays.copyOf(buffer, answer.getLength()));
		}
		catch (SocketTimeoutException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
