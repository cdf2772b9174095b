package org.quorate.link.status;

import java.net.InetSocketAddress;

/** The local end of one link id: {@code transportName} is "udp" (or "loopback"). */
public record LocalLink(int linkId, String transportName, InetSocketAddress address) {
}
