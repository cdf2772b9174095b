package org.quorate.testsupport.simnet;

/**
 * What a simulated host holds for one of its endpoints: a bound, connectionless socket. Received
 * datagrams arrive on the network's scheduler thread through the {@link Receiver} given at bind time.
 */
public interface Port extends AutoCloseable {
    Endpoint address();

    /** Sends one datagram; the network decides whether, when and how often it arrives. Never blocks. */
    void send(Endpoint destination, byte[] payload);

    /** Unbinds; datagrams still in flight to this endpoint are dropped on arrival. */
    @Override
    void close();

    /** The receiving side of a port. */
    @FunctionalInterface
    interface Receiver {
        void received(Datagram datagram);
    }
}
