package io.keyfob.radius;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The source address, or range of addresses, a RADIUS client's requests come from: an
 * IPv4 or IPv6 literal, or a CIDR range such as {@code 10.0.0.0/24}. Never a host name: a
 * name would need a DNS lookup on every start and could change under our feet.
 *
 * @param network the first address of the range
 * @param prefixLength the number of leading bits that must match
 */
record ClientAddress(InetAddress network, int prefixLength) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	/**
	 * Parse an address or range.
	 * @param text for example {@code 192.0.2.7}, {@code 10.0.0.0/8} or {@code fd00::/64}
	 * @return the address
	 * @throws IllegalArgumentException with a message for the administrator
	 */
	static ClientAddress parse(String text) {
		String value = text.strip();
		int slash = value.indexOf('/');
		String host = (slash < 0) ? value : value.substring(0, slash);
		if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
			throw new IllegalArgumentException("Give the NAS's IP address (192.0.2.7, 2001:db8::7) or a CIDR range "
					+ "(192.0.2.0/24), not a host name.");
		}
		if (IPV4.matcher(host).matches()
				&& java.util.Arrays.stream(host.split("\\.")).anyMatch((octet) -> Integer.parseInt(octet) > 255)) {
			throw new IllegalArgumentException("'" + host + "' is not an IPv4 address: each part is 0 to 255.");
		}
		InetAddress address = literal(host);
		int bits = address.getAddress().length * 8;
		int prefix = bits;
		if (slash >= 0) {
			String length = value.substring(slash + 1);
			if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
				throw new IllegalArgumentException(
						"The prefix length after '/' must be a number from 0 to " + bits + ".");
			}
			prefix = Integer.parseInt(length);
		}
		return new ClientAddress(literal(mask(address.getAddress(), prefix)), prefix);
	}

	/**
	 * Whether a source address is in this range.
	 * @param source the source of a request
	 * @return whether it matches
	 */
	boolean matches(InetAddress source) {
		byte[] bytes = source.getAddress();
		return bytes.length == this.network.getAddress().length
				&& java.util.Arrays.equals(mask(bytes, this.prefixLength), this.network.getAddress());
	}

	/**
	 * The normal form: the address alone for a single host, else network/prefix.
	 * @return the text to store and show
	 */
	String text() {
		String host = this.network.getHostAddress().toLowerCase(Locale.ROOT);
		return (this.prefixLength == this.network.getAddress().length * 8) ? host : host + "/" + this.prefixLength;
	}

	private static byte[] mask(byte[] address, int prefix) {
		byte[] masked = address.clone();
		for (int i = 0; i < masked.length; i++) {
			int keep = Math.max(0, Math.min(8, prefix - i * 8));
			masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
		}
		return masked;
	}

	private static InetAddress literal(String host) {
		try {
			// a literal, checked above: no DNS lookup
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("'" + host + "' is not an IP address.");
		}
	}

	private static InetAddress literal(byte[] address) {
		try {
			return InetAddress.getByAddress(address);
		}
		catch (UnknownHostException ex) {
			throw new AssertionError("An address of 4 or 16 bytes is always valid", ex);
		}
	}

}
