package org.quorate.net;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Opens bound datagram sockets. Received datagrams and send failures are delivered on the thread of the
 * scheduler the transport was built with (a Netty event loop, or a virtual scheduler in tests), so the owner
 * of the socket never needs a lock.
 */
public interface DatagramTransport extends AutoCloseable {
    /**
     * Binds {@code local}.
     *
     * @throws IOException naming the address when it cannot be bound (in use, not local, no permission)
     */
    DatagramEndpoint open(InetSocketAddress local, DatagramReceiver receiver) throws IOException;

    /** Closes every endpoint this transport opened. */
    @Override
    void close();
}
