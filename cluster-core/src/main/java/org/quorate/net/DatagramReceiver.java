package org.quorate.net;

import java.net.InetSocketAddress;

/** The receiving side of a {@link DatagramEndpoint}. */
public interface DatagramReceiver {
    /**
     * One datagram from {@code source}. {@code data} belongs to the receiver only for the duration of the
     * call: copy what must be kept.
     */
    void received(InetSocketAddress source, byte[] data, int length);

    /** A send to {@code destination} failed, classified; {@code detail} is the operating system's text. */
    default void sendFailed(InetSocketAddress destination, SendFailure failure, String detail) {
    }
}
