package org.quorate.qnetd.server;

import org.quorate.protocol.message.QnetMessage;

import java.security.cert.X509Certificate;

/**
 * The transport seam under a {@link ClientSession}: the Netty channel in production, an in-memory
 * fake in tests. Every method is called on the server's single logic thread. Switching to TLS is not
 * here: {@link ClientSession#received} returns it, and the connection acts on it before it reads on.
 */
public interface ClientConnection {
    /** Queues {@code message}; a connection whose send queue overflows closes itself. */
    void send(QnetMessage message);

    /** The verified client certificate of the TLS session, or null without TLS or certificate. */
    X509Certificate peerCertificate();

    /** Closes the connection; {@code reason} is for the log. */
    void close(String reason);

    /** The peer as the C tools print it, e.g. {@code ::ffff:198.18.1.1:50122}. */
    String remoteAddress();
}
