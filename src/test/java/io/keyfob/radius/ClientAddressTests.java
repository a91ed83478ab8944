package io.keyfob.radius;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Addresses and CIDR ranges of RADIUS clients.
 */
class ClientAddressTests {

	@Test
	void parseWhenHostOrRangeThenNormalisedAndMatching() throws Exception {
		ClientAddress host = ClientAddress.parse(" 192.0.2.7 ");
		assertThat(host.text()).isEqualTo("192.0.2.7");
		assertThat(host.matches(InetAddress.getByName("192.0.2.7"))).isTrue();
		assertThat(host.matches(InetAddress.getByName("192.0.2.8"))).isFalse();
		ClientAddress range = ClientAddress.parse("10.1.2.3/16");
		assertThat(range.text()).isEqualTo("10.1.0.0/16");
		assertThat(range.matches(InetAddress.getByName("10.1.255.1"))).isTrue();
		assertThat(range.matches(InetAddress.getByName("10.2.0.1"))).isFalse();
		assertThat(range.matches(InetAddress.getByName("::1"))).isFalse();
		ClientAddress v6 = ClientAddress.parse("2001:DB8::/32");
		assertThat(v6.text()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
		assertThat(v6.matches(InetAddress.getByName("2001:db8:1::9"))).isTrue();
		assertThat(ClientAddress.parse("0.0.0.0/0").matches(InetAddress.getByName("203.0.113.9"))).isTrue();
	}

	@Test
	void parseWhenHostNameOrBadRangeThenRefusedWithoutLookup() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.parse("vpn.example.org"))
			.withMessageContaining("not a host name");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.parse("300.1.1.1"))
			.withMessageContaining("0 to 255");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.parse("10.0.0.0/33"))
			.withMessageContaining("0 to 32");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.parse("10.0.0.0/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.parse("1:2:3:::::9"));
	}

}
