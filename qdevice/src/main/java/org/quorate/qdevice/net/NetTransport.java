package org.quorate.qdevice.net;

import org.quorate.protocol.message.QnetMessage;
import org.quorate.qdevice.backend.NetSettings;

/**
 * One connection attempt to qnetd, as the {@link NetClient} sees it. The Netty implementation is
 * {@code NettyNetTransport}; tests use an in-memory one. Calls and events happen on the client's
 * event loop thread.
 */
public interface NetTransport {
    /** Opens a transport and starts connecting; the outcome arrives through {@code events}. */
    interface Factory {
        NetTransport connect(NetSettings settings, Events events);
    }

    /** What the transport reports back. */
    interface Events {
        void connected();

        /** Every address failed; the client waits for its connect timer (as the C client does). */
        void connectFailed(String why);

        void received(QnetMessage message);

        /** The server's bytes could not be read as a message (decode error, unknown type, too long). */
        void badInput(DisconnectReason reason, String why);

        /** STARTTLS was completely written and the TLS handshake has been started. */
        void startTlsSent();

        /** The peer closed the connection, or reading/writing failed. */
        void closed(DisconnectReason reason, String why);
    }

    void send(QnetMessage message);

    /** Writes STARTTLS, then starts the client TLS handshake once the frame has left the socket buffer. */
    void sendStartTls(QnetMessage startTls);

    /** Adopts the server's maximum reply size after INIT_REPLY. */
    void setMaxReceiveSize(int bytes);

    boolean tlsActive();

    boolean clientCertificateSent();

    void close();
}
