package org.quorate.net;

import java.net.InetSocketAddress;

/** One bound datagram socket. */
public interface DatagramEndpoint extends AutoCloseable {
    InetSocketAddress localAddress();

    /**
     * Sends {@code length} bytes of {@code data} from {@code offset}. Never blocks and never throws for a
     * network error: a failure is reported later through {@link DatagramReceiver#sendFailed}. The caller may
     * reuse {@code data} as soon as this returns.
     */
    void send(InetSocketAddress destination, byte[] data, int offset, int length);

    /** Unbinds; harmless when already closed. */
    @Override
    void close();
}
