package org.quorate.qnetd.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ClientAddressFormatTest {
    private static String format(String host, int port, boolean v6) throws Exception {
        return ClientAddressFormat.format(new InetSocketAddress(InetAddress.getByName(host), port), v6);
    }

    @Test
    void ipv4PeersOfADualStackListenerAreMapped() throws Exception {
        assertThat(format("198.18.1.1", 50122, true)).isEqualTo("::ffff:198.18.1.1:50122");
        assertThat(format("198.18.1.1", 50122, false)).isEqualTo("198.18.1.1:50122");
    }

    @Test
    void ipv6AddressesAreCompressedLowerCase() throws Exception {
        assertThat(format("2001:DB8:0:0:0:0:0:1", 5, true)).isEqualTo("2001:db8::1:5");
        assertThat(format("::1", 7, true)).isEqualTo("::1:7");
        assertThat(format("2001:db8:0:1:0:0:0:1", 1, true)).isEqualTo("2001:db8:0:1::1:1");
        assertThat(format("2001:db8:1:1:1:1:0:1", 1, true)).isEqualTo("2001:db8:1:1:1:1:0:1:1");
        assertThat(format("fe80:0:0:1:0:0:0:1", 1, true)).isEqualTo("fe80:0:0:1::1:1");
        assertThat(format("1:0:0:1:0:0:1:1", 1, true)).isEqualTo("1::1:0:0:1:1:1");
    }

    @Test
    void theCanonicalFormDropsTheMappedPrefixAndSplitsThePort() {
        assertThat(ClientAddressFormat.canonical("::ffff:198.19.232.11:40122"))
                .contains(new ClientAddressFormat.Canonical("198.19.232.11", 40122));
        assertThat(ClientAddressFormat.canonical("198.19.232.11:40122"))
                .contains(new ClientAddressFormat.Canonical("198.19.232.11", 40122));
        assertThat(ClientAddressFormat.canonical("fd00::1:5403")).contains(new ClientAddressFormat.Canonical("fd00::1", 5403));
        assertThat(ClientAddressFormat.canonical("::ffff:1:5403")).contains(new ClientAddressFormat.Canonical("::ffff:1", 5403));
        assertThat(ClientAddressFormat.canonical("?")).isEmpty();
    }
}
