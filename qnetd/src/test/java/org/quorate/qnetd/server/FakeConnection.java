package org.quorate.qnetd.server;

import org.quorate.protocol.message.QnetMessage;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link ClientConnection} that records what the session did. */
final class FakeConnection implements ClientConnection {
    final List<QnetMessage> sent = new ArrayList<>();
    final String address;
    X509Certificate certificate;
    /** Set when the session answered STARTTLS with {@link NextBytes#TLS_HANDSHAKE}. */
    boolean tlsStarted;
    String closedBecause;
    ClientSession session;

    FakeConnection(String address) {
        this.address = address;
    }

    @Override
    public void send(QnetMessage message) {
        if (closedBecause == null) {
            sent.add(message);
        }
    }

    @Override
    public X509Certificate peerCertificate() {
        return certificate;
    }

    @Override
    public void close(String reason) {
        if (closedBecause == null) {
            closedBecause = reason;
            // Netty reports channelInactive after close; do the same synchronously.
            session.closed(false);
        }
    }

    @Override
    public String remoteAddress() {
        return address;
    }

    /** Everything sent since the last call. */
    List<QnetMessage> drain() {
        List<QnetMessage> copy = List.copyOf(sent);
        sent.clear();
        return copy;
    }

    QnetMessage last() {
        return sent.get(sent.size() - 1);
    }
}
