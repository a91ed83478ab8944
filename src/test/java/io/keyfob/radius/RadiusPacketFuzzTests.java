package io.keyfob.radius;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the decoder: the structural checks, the Message-Authenticator check and the
 * aaa4j-radius codec behind them. Whatever arrives, decoding ends with a packet or with
 * nothing, never with an exception that could reach the server loop.
 */
class RadiusPacketFuzzTests {

	private static final byte[] SECRET = "fuzzing-secret-0123456789".getBytes(StandardCharsets.US_ASCII);

	private final RadiusCodec codec = new RadiusCodec();

	@Property(tries = 2000)
	void parseWhenAnyBytesThenPacketWithinLimitsOrNothing(@ForAll @Size(max = 4200) byte[] datagram) {
		Optional<RadiusPacket> packet = RadiusPacket.parse(datagram);
		packet.ifPresent((p) -> {
			assertThat(p.bytes().length).isBetween(20, RadiusPacket.MAX_LENGTH);
			assertThat(((p.bytes()[2] & 0xff) << 8) | (p.bytes()[3] & 0xff)).isEqualTo(p.bytes().length);
			assertThat(RadiusCodec.messageAuthenticatorValid(p, SECRET)).isFalse();
		});
	}

	@Property(tries = 2000)
	void decodeWhenAuthenticatedPacketWithAnyAttributesThenRequestOrNothing(
			@ForAll("attributes") List<byte[]> attributes, @ForAll @Size(16) byte[] authenticator) {
		byte[] datagram = signed(attributes, authenticator);
		Optional<RadiusPacket> packet = RadiusPacket.parse(datagram);
		if (packet.isEmpty()) {
			return;
		}
		assertThat(RadiusCodec.messageAuthenticatorValid(packet.get(), SECRET)).isTrue();
		this.codec.decode(packet.get(), SECRET).ifPresent((request) -> {
			if (request.userName() != null) {
				assertThat(request.userName()).isNotEmpty().doesNotContain("\u0000");
			}
		});
	}

	@Property(tries = 1000)
	void parseWhenOneByteOfAValidPacketChangedThenNoException(@ForAll("attributes") List<byte[]> attributes,
			@ForAll @Size(16) byte[] authenticator, @ForAll int position, @ForAll byte value) {
		byte[] datagram = signed(attributes, authenticator);
		datagram[Math.floorMod(position, datagram.length)] = value;
		RadiusPacket.parse(datagram)
			.filter((p) -> RadiusCodec.messageAuthenticatorValid(p, SECRET))
			.ifPresent((p) -> this.codec.decode(p, SECRET));
	}

	@Property(tries = 500)
	void parseWhenASingleValuedAttributeIsRepeatedThenNothing(@ForAll("attributes") List<byte[]> attributes,
			@ForAll @Size(16) byte[] authenticator, @ForAll("singleValued") int type) {
		// a well-formed value of each: 16 octets fit User-Name, User-Password, CHAP and
		// State
		byte[] once = new byte[18];
		once[0] = (byte) type;
		once[1] = 18;
		java.util.Arrays.fill(once, 2, 18, (byte) 'a');
		List<byte[]> twice = new java.util.ArrayList<>(attributes);
		twice.add(0, once);
		twice.add(once);
		assertThat(RadiusPacket.parse(signed(twice, authenticator))).isEmpty();
	}

	@Provide
	Arbitrary<Integer> singleValued() {
		return Arbitraries.of(RadiusPacket.USER_NAME, RadiusPacket.USER_PASSWORD, RadiusPacket.CHAP_PASSWORD,
				RadiusPacket.STATE);
	}

	@Provide
	Arbitrary<List<byte[]>> attributes() {
		Arbitrary<Integer> types = Arbitraries.oneOf(Arbitraries.of(1, 2, 4, 24, 26, 33, 79, 241, 242, 245, 246),
				Arbitraries.integers().between(0, 255));
		Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(253);
		Arbitrary<byte[]> attribute = Combinators.combine(types, values).as((type, value) -> {
			byte[] bytes = new byte[value.length + 2];
			bytes[0] = (byte) (int) type;
			bytes[1] = (byte) bytes.length;
			System.arraycopy(value, 0, bytes, 2, value.length);
			return bytes;
		});
		return attribute.list().ofMaxSize(12);
	}

	/**
	 * An Access-Request with the attributes and a right Message-Authenticator last.
	 */
	private static byte[] signed(List<byte[]> attributes, byte[] authenticator) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { 1, 7, 0, 0 });
		out.writeBytes(authenticator);
		attributes.forEach(out::writeBytes);
		int at = out.size();
		out.writeBytes(new byte[] { 80, 18 });
		out.writeBytes(new byte[16]);
		byte[] packet = out.toByteArray();
		packet[2] = (byte) (packet.length >> 8);
		packet[3] = (byte) packet.length;
		byte[] mac = hmacMd5(packet);
		System.arraycopy(mac, 0, packet, at + 2, 16);
		return packet;
	}

	private static byte[] hmacMd5(byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacMD5");
			mac.init(new SecretKeySpec(SECRET, "HmacMD5"));
			return mac.doFinal(message);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new AssertionError(ex);
		}
	}

}
