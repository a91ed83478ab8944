package io.keyfob.radius;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.aaa4j.radius.core.attribute.Attribute;
import org.aaa4j.radius.core.attribute.StringData;
import org.aaa4j.radius.core.attribute.TextData;
import org.aaa4j.radius.core.attribute.attributes.MessageAuthenticator;
import org.aaa4j.radius.core.attribute.attributes.ProxyState;
import org.aaa4j.radius.core.attribute.attributes.ReplyMessage;
import org.aaa4j.radius.core.attribute.attributes.State;
import org.aaa4j.radius.core.attribute.attributes.UserName;
import org.aaa4j.radius.core.attribute.attributes.UserPassword;
import org.aaa4j.radius.core.dictionary.dictionaries.StandardDictionary;
import org.aaa4j.radius.core.packet.Packet;
import org.aaa4j.radius.core.packet.PacketCodec;
import org.aaa4j.radius.core.packet.PacketCodecException;
import org.jspecify.annotations.Nullable;

/**
 * Reads Access-Requests and writes answers, on the aaa4j-radius codec (User-Password
 * hiding, RFC 2865 §5.2; Response Authenticator, §3). Around it, what the codec leaves to
 * us: the Message-Authenticator (RFC 3579 §3.2) is checked here, in constant time, before
 * anything is decoded, and every answer carries one as its first attribute (the
 * BlastRADIUS mitigation, CVE-2024-3596). Thread-safe.
 */
final class RadiusCodec {

	private final PacketCodec codec = new PacketCodec(new StandardDictionary());

	/**
	 * Check a request's Message-Authenticator against the shared secret.
	 * @param packet the request, structurally checked
	 * @param secret the client's shared secret
	 * @return whether it carries one and it is right
	 */
	static boolean messageAuthenticatorValid(RadiusPacket packet, byte[] secret) {
		int at = packet.messageAuthenticatorAt();
		if (at < 0) {
			return false;
		}
		byte[] copy = packet.bytes().clone();
		byte[] sent = Arrays.copyOfRange(copy, at + 2, at + 18);
		Arrays.fill(copy, at + 2, at + 18, (byte) 0);
		// constant time: a forger must not learn the HMAC a byte at a time
		return MessageDigest.isEqual(sent, hmacMd5(secret, copy));
	}

	/**
	 * Decode an Access-Request's attributes.
	 * @param packet the request, structurally checked and authenticated
	 * @param secret the client's shared secret
	 * @return the request, or empty if the codec cannot read it
	 */
	Optional<AccessRequest> decode(RadiusPacket packet, byte[] secret) {
		Packet decoded;
		try {
			decoded = this.codec.decodeRequest(packet.bytes().clone(), secret);
		}
		catch (PacketCodecException | RuntimeException ex) {
			// a library fault on hostile input must not reach the server loop
			return Optional.empty();
		}
		String userName = decoded.getAttribute(UserName.class).map((a) -> a.getData().getValue()).orElse(null);
		byte[] password = decoded.getAttribute(UserPassword.class).map((a) -> a.getData().getValue()).orElse(null);
		byte[] state = decoded.getAttribute(State.class).map((a) -> a.getData().getValue()).orElse(null);
		List<byte[]> proxyStates = decoded.getAttributes(ProxyState.class)
			.stream()
			.map((a) -> a.getData().getValue())
			.toList();
		return Optional.of(new AccessRequest(userName, (password != null) ? text(password) : null,
				password != null && text(password) == null, state, proxyStates));
	}

	/**
	 * A revealed User-Password as text: strict UTF-8 without control characters, after
	 * the padding (RFC 2865 §5.2). Revealed with another secret than the NAS's, it is
	 * random octets, and 16 random octets pass this with a chance of about 1 in 10⁷.
	 */
	private static @Nullable String text(byte[] revealed) {
		int length = revealed.length;
		while (length > 0 && revealed[length - 1] == 0) {
			length--;
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(revealed, 0, length))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		return text.chars().anyMatch(Character::isISOControl) ? null : text;
	}

	/**
	 * Write an answer.
	 * @param request the request answered
	 * @param answer the answer
	 * @param proxyStates the request's Proxy-State attributes, copied in order (RFC 2865
	 * §5.33)
	 * @param secret the client's shared secret
	 * @return the datagram to send
	 */
	byte[] encode(RadiusPacket request, Answer answer, List<byte[]> proxyStates, byte[] secret) {
		List<Attribute<?>> attributes = new ArrayList<>();
		attributes.add(new MessageAuthenticator());
		if (answer.state() != null) {
			attributes.add(new State(new StringData(answer.state())));
		}
		if (answer.replyMessage() != null) {
			attributes.add(new ReplyMessage(new TextData(answer.replyMessage())));
		}
		proxyStates.forEach((value) -> attributes.add(new ProxyState(new StringData(value))));
		try {
			return this.codec.encodeResponse(new Packet(answer.code(), attributes), secret, request.identifier(),
					request.authenticator());
		}
		catch (PacketCodecException ex) {
			throw new IllegalStateException("Could not encode a RADIUS answer", ex);
		}
	}

	private static byte[] hmacMd5(byte[] secret, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacMD5");
			mac.init(new SecretKeySpec(secret, "HmacMD5"));
			return mac.doFinal(message);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new AssertionError("HmacMD5 is part of every Java platform", ex);
		}
	}

	/**
	 * The attributes Keyfob reads from an Access-Request.
	 *
	 * @param userName User-Name, or {@code null}
	 * @param password User-Password, revealed, or {@code null}
	 * @param passwordUnreadable whether a User-Password came that is no text once
	 * revealed: hidden with another shared secret
	 * @param state State, or {@code null}
	 * @param proxyStates the Proxy-State attributes, in order
	 */
	record AccessRequest(@Nullable String userName, @Nullable String password, boolean passwordUnreadable,
			byte @Nullable [] state, List<byte[]> proxyStates) {

		@Override
		public String toString() {
			return "AccessRequest[userName=" + this.userName + "]";
		}

	}

	/**
	 * An answer to send.
	 *
	 * @param code Access-Accept, Access-Reject or Access-Challenge
	 * @param state for a challenge: its State
	 * @param replyMessage a text for the user, or {@code null}
	 */
	record Answer(int code, byte @Nullable [] state, @Nullable String replyMessage) {

		static Answer accept() {
			return new Answer(RadiusPacket.ACCESS_ACCEPT, null, null);
		}

		static Answer reject() {
			return new Answer(RadiusPacket.ACCESS_REJECT, null, null);
		}

		static Answer challenge(byte[] state, String replyMessage) {
			return new Answer(RadiusPacket.ACCESS_CHALLENGE, state, replyMessage);
		}

	}

}
