package org.quorate.qdevice.net;

import org.quorate.protocol.message.QnetMessage;
import org.quorate.qdevice.backend.NetSettings;

import java.util.ArrayList;
import java.util.List;

/** An in-memory qnetd connection: records what the client sends; the test plays the server. */
final class FakeTransport implements NetTransport {
    final List<QnetMessage> sent = new ArrayList<>();
    final NetSettings settings;
    final Events events;
    boolean closed;
    boolean tls;
    int maxReceive;

    FakeTransport(NetSettings settings, Events events) {
        this.settings = settings;
        this.events = events;
    }

    /** A factory that remembers every transport it made. */
    static final class Factory implements NetTransport.Factory {
        final List<FakeTransport> made = new ArrayList<>();

        @Override
        public NetTransport connect(NetSettings settings, Events events) {
            FakeTransport t = new FakeTransport(settings, events);
            made.add(t);
            return t;
        }

        FakeTransport last() {
            return made.get(made.size() - 1);
        }
    }

    @Override
    public void send(QnetMessage message) {
        sent.add(message);
    }

    @Override
    public void sendStartTls(QnetMessage startTls) {
        sent.add(startTls);
    }

    @Override
    public void setMaxReceiveSize(int bytes) {
        maxReceive = bytes;
    }

    @Override
    public boolean tlsActive() {
        return tls;
    }

    @Override
    public boolean clientCertificateSent() {
        return tls;
    }

    @Override
    public void close() {
        closed = true;
    }

    List<QnetMessage> drain() {
        List<QnetMessage> copy = List.copyOf(sent);
        sent.clear();
        return copy;
    }
}
