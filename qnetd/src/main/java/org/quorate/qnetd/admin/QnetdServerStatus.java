package org.quorate.qnetd.admin;

import java.util.Objects;
import org.quorate.protocol.TlsSupported;

/**
 * Server-wide facts printed by {@code corosync-qnetd-tool -s} (spec §12.2).
 *
 * @param listenAddress             the {@code -l} value, or null when listening on the wildcard (printed as {@code *})
 * @param port                      listening TCP port
 * @param tls                       the {@code -s} mode
 * @param clientCertificateRequired the {@code -c} flag (printed only when TLS is not off)
 * @param connectedClients          open TCP connections, including ones that have not finished INIT
 * @param maxClients                the {@code -m} value, 0 = unlimited (then not printed)
 * @param maxSendSize               {@code max_client_send_size}
 * @param maxReceiveSize            {@code max_client_receive_size}
 */
public record QnetdServerStatus(String listenAddress, int port, TlsSupported tls, boolean clientCertificateRequired,
                                long connectedClients, long maxClients, long maxSendSize, long maxReceiveSize) {
    public QnetdServerStatus {
        Objects.requireNonNull(tls, "tls");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, got " + port);
        }
    }
}
