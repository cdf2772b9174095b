package org.quorate.link.data;

/** Reassembles one source host's fragmented messages within {@link ReassemblyLimits}. Single-threaded. */
public final class Reassembler {
    public Reassembler(ReassemblyLimits limits) {
        throw new UnsupportedOperationException("issue #11: reassembler not written yet");
    }

    /**
     * Adds fragment {@code index} of {@code count} of message {@code messageSeq}. Returns the whole message
     * when this fragment completes it, else null. Inconsistent or excess fragments are dropped and counted.
     */
    public byte[] offer(long messageSeq, int index, int count, byte[] chunk, long nowNanos) {
        throw new UnsupportedOperationException();
    }

    /** Drops messages older than the timeout. */
    public void expire(long nowNanos) {
        throw new UnsupportedOperationException();
    }

    /** Forgets everything (the source restarted). */
    public void clear() {
        throw new UnsupportedOperationException();
    }

    public int bufferedBytes() {
        throw new UnsupportedOperationException();
    }

    /** Messages dropped incomplete (timeout, bounds, inconsistent fragments). */
    public long dropped() {
        throw new UnsupportedOperationException();
    }
}
