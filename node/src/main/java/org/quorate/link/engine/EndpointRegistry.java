package org.quorate.link.engine;

import org.quorate.link.config.HostLinks;
import org.quorate.link.config.LinkSpec;
import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.DatagramTransport;
import org.quorate.net.SendFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One socket per distinct local address:port, shared by every host on that link, as knet does (spec §5.2).
 * Each socket remembers which link ids use it, so that a packet naming another link is caught.
 */
final class EndpointRegistry implements AutoCloseable {
    /** Where the engine receives what the sockets get. */
    interface Inbound {
        void received(Socket socket, InetSocketAddress source, byte[] data, int length);

        void sendFailed(Socket socket, InetSocketAddress destination, SendFailure failure, String detail);
    }

    /** One bound socket and the link ids it serves (a bit mask). */
    static final class Socket {
        final InetSocketAddress local;
        int linkMask;
        DatagramEndpoint endpoint;

        Socket(InetSocketAddress local) {
            this.local = local;
        }

        boolean serves(int linkId) {
            return linkId >= 0 && linkId < LinkSpec.MAX_LINKS && (linkMask & (1 << linkId)) != 0;
        }
    }

    private final Map<InetSocketAddress, Socket> sockets = new LinkedHashMap<>();

    EndpointRegistry(List<HostLinks> hosts) {
        for (HostLinks h : hosts) {
            for (LinkSpec l : h.links()) {
                sockets.computeIfAbsent(l.local(), Socket::new).linkMask |= 1 << l.linkId();
            }
        }
    }

    /** Binds every socket; on a failure closes those already bound and fails naming the address. */
    void open(DatagramTransport transport, Inbound inbound) {
        for (Socket s : sockets.values()) {
            try {
                s.endpoint = transport.open(s.local, new DatagramReceiver() {
                    @Override
                    public void received(InetSocketAddress source, byte[] data, int length) {
                        inbound.received(s, source, data, length);
                    }

                    @Override
                    public void sendFailed(InetSocketAddress destination, SendFailure failure, String detail) {
                        inbound.sendFailed(s, destination, failure, detail);
                    }
                });
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("link layer: cannot bind " + s.local + " (links "
                        + RemoteHost.links(s.linkMask) + "): " + e.getMessage(), e);
            }
        }
    }

    Socket socket(InetSocketAddress local) {
        return sockets.get(local);
    }

    List<Socket> sockets() {
        return new ArrayList<>(sockets.values());
    }

    @Override
    public void close() {
        for (Socket s : sockets.values()) {
            if (s.endpoint != null) {
                s.endpoint.close();
                s.endpoint = null;
            }
        }
    }
}
