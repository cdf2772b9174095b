package org.quorate.testsupport.simnet;

import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.DatagramTransport;
import org.quorate.net.SendFailure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link DatagramTransport} over a {@link SimNetwork}: {@link #open} binds the endpoint the
 * {@link AddressBook} gives for the local address, a send goes to the endpoint of the destination address.
 * Everything arrives on the network's scheduler thread, as the seam requires. Conditions are the network's: a
 * datagram larger than a link's MTU is simply lost (a black hole, no EMSGSIZE), a cut loses everything.
 * A destination not in the book is reported as {@link SendFailure#UNREACHABLE}, as a missing route would be.
 */
public final class SimDatagramTransport implements DatagramTransport {
    private final SimNetwork network;
    private final AddressBook book;
    private final List<SimEndpoint> open = new ArrayList<>();

    public SimDatagramTransport(SimNetwork network, AddressBook book) {
        this.network = network;
        this.book = book;
    }

    @Override
    public DatagramEndpoint open(InetSocketAddress local, DatagramReceiver receiver) throws IOException {
        Endpoint e = book.endpoint(local);
        if (e == null) {
            throw new IOException("simulated transport: " + local + " is not an address of this network");
        }
        Port port;
        try {
            port = network.bind(e, d -> {
                InetSocketAddress source = book.address(d.source());
                byte[] payload = d.payload();
                receiver.received(source, payload, payload.length);
            });
        } catch (IllegalStateException inUse) {
            throw new IOException("simulated transport: " + local + " is already bound (address in use)", inUse);
        }
        SimEndpoint endpoint = new SimEndpoint(local, port, receiver);
        open.add(endpoint);
        return endpoint;
    }

    @Override
    public void close() {
        for (SimEndpoint e : new ArrayList<>(open)) {
            e.close();
        }
    }

    private final class SimEndpoint implements DatagramEndpoint {
        private final InetSocketAddress local;
        private final Port port;
        private final DatagramReceiver receiver;
        private boolean closed;

        SimEndpoint(InetSocketAddress local, Port port, DatagramReceiver receiver) {
            this.local = local;
            this.port = port;
            this.receiver = receiver;
        }

        @Override
        public InetSocketAddress localAddress() {
            return local;
        }

        @Override
        public void send(InetSocketAddress destination, byte[] data, int offset, int length) {
            if (closed) {
                return;
            }
            Endpoint to = book.endpoint(destination);
            if (to == null) {
                network.scheduler().execute(() -> {
                    if (!closed) {
                        receiver.sendFailed(destination, SendFailure.UNREACHABLE,
                                "simulated transport: no route to " + destination);
                    }
                });
                return;
            }
            port.send(to, Arrays.copyOfRange(data, offset, offset + length));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                port.close();
                open.remove(this);
            }
        }
    }
}
