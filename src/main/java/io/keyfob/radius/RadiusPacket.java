package io.keyfob.radius;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The header of a received RADIUS packet (RFC 2865 §3), after the structural checks that
 * come before any cryptography: the length field agrees with the datagram, every
 * attribute fits, the attributes Keyfob reads have the sizes the RFCs allow and appear at
 * most once. A packet that fails them gets no answer. Plain Java, thread-safe.
 *
 * @param code the packet code
 * @param identifier the identifier
 * @param authenticator the Request Authenticator
 * @param bytes the packet, without any padding after its length
 * @param messageAuthenticatorAt the offset of the Message-Authenticator attribute, or -1
 */
record RadiusPacket(int code, int identifier, byte[] authenticator, byte[] bytes, int messageAuthenticatorAt) {

	static final int ACCESS_REQUEST = 1;

	static final int ACCESS_ACCEPT = 2;

	static final int ACCESS_REJECT = 3;

	static final int ACCESS_CHALLENGE = 11;

	static final int STATUS_SERVER = 12;

	static final int USER_NAME = 1;

	static final int USER_PASSWORD = 2;

	static final int CHAP_PASSWORD = 3;

	static final int STATE = 24;

	static final int MESSAGE_AUTHENTICATOR = 80;

	/** RFC 2865 §3: the largest packet. */
	static final int MAX_LENGTH = 4096;

	private static final int HEADER = 20;

	/**
	 * Check a datagram's structure.
	 * @param datagram the bytes received
	 * @return the packet, or empty if it is malformed
	 */
	static Optional<RadiusPacket> parse(byte[] datagram) {
		if (datagram.length < HEADER) {
			return Optional.empty();
		}
		int length = ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff);
		// RFC 2865 §3: octets past the length field are padding; fewer octets than it
		// says is a malformed packet
		if (length < HEADER || length > MAX_LENGTH || length > datagram.length) {
			return Optional.empty();
		}
		byte[] bytes = Arrays.copyOf(datagram, length);
		int messageAuthenticatorAt = -1;
		boolean[] seen = new boolean[256];
		int position = HEADER;
		while (position < length) {
			if (position + 2 > length) {
				return Optional.empty();
			}
			int type = bytes[position] & 0xff;
			int attributeLength = bytes[position + 1] & 0xff;
			if (attributeLength < 2 || position + attributeLength > length
					|| !valid(type, bytes, position + 2, attributeLength - 2)) {
				return Optional.empty();
			}
			if (singleValued(type)) {
				// RFC 2865 §5.44: at most one of each; two User-Names leave it open
				// which one a check was made for
				if (seen[type]) {
					return Optional.empty();
				}
				seen[type] = true;
			}
			if (type == MESSAGE_AUTHENTICATOR) {
				messageAuthenticatorAt = position;
			}
			position += attributeLength;
		}
		return Optional.of(new RadiusPacket(bytes[0] & 0xff, bytes[1] & 0xff, Arrays.copyOfRange(bytes, 4, HEADER),
				bytes, messageAuthenticatorAt));
	}

	private static boolean singleValued(int type) {
		return type == USER_NAME || type == USER_PASSWORD || type == CHAP_PASSWORD || type == STATE
				|| type == MESSAGE_AUTHENTICATOR;
	}

	private static boolean valid(int type, byte[] bytes, int offset, int length) {
		return switch (type) {
			// RFC 2865 §5.1: at least one octet; no NUL and valid UTF-8, since it is
			// looked up
			case USER_NAME -> length >= 1 && text(bytes, offset, length);
			// RFC 2865 §5.2: 16 to 128 octets, a multiple of 16
			case USER_PASSWORD -> length >= 16 && length <= 128 && length % 16 == 0;
			case STATE -> length >= 1;
			// RFC 3579 §3.2: always 16 octets
			case MESSAGE_AUTHENTICATOR -> length == 16;
			default -> true;
		};
	}

	private static boolean text(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			if (bytes[i] == 0) {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, length));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/**
	 * The key of this request in the retransmission cache (RFC 5080 §2.2.2): the
	 * identifier and the Request Authenticator; the caller adds the source.
	 * @return a text key
	 */
	String retransmissionKey() {
		return this.identifier + ":" + java.util.HexFormat.of().formatHex(this.authenticator);
	}

	@Override
	public String toString() {
		return "RadiusPacket[code=" + this.code + ", identifier=" + this.identifier + "]";
	}

}
