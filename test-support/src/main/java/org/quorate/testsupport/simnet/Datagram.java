package org.quorate.testsupport.simnet;

import java.util.Arrays;

/**
 * One datagram in flight. {@code id} is the network's send counter, so a duplicate carries the id of
 * its original and a trace can tell reordering from duplication.
 */
public record Datagram(long id, Endpoint source, Endpoint destination, byte[] payload) {
    public Datagram {
        payload = payload.clone();
    }

    /** A copy: receivers may keep or change what they get without touching other copies. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int size() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Datagram d && d.id == id && d.source.equals(source)
                && d.destination.equals(destination) && Arrays.equals(d.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "#" + id + " " + source + "->" + destination + " (" + payload.length + " bytes)";
    }
}
