package org.quorate.link.data;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Reassembles one source host's fragmented messages within {@link ReassemblyLimits}. Single-threaded.
 *
 * <p>At most {@code maxMessages} messages are in progress; a new one evicts the oldest (by first fragment). At
 * most {@code maxBytes} chunk bytes are buffered; a chunk that would exceed it evicts the oldest messages first,
 * and a message that alone would exceed it is dropped. A message not complete {@code timeout} after its first
 * fragment is dropped. So a stream of fragments that never completes costs at most those bounds.
 *
 * <p>The fragments of one message must agree: the same count, an index below it, every fragment but the last
 * of one length (the sender's chunk size) and the last no longer. A fragment that disagrees drops its whole
 * message (it cannot be trusted any more) and is counted as a bad fragment; a second copy of a fragment already
 * held is ignored and counted as a duplicate. Whether a whole message was already delivered is the caller's
 * {@link DedupWindow}'s business: check {@code seen(messageSeq)} before offering, so a late copy of a delivered
 * message does not start a new, never-completing one.
 */
public final class Reassembler {
    private final ReassemblyLimits limits;
    private final long timeoutNanos;
    /** In order of their first fragment: the head is the oldest. Small (maxMessages), so a scan is cheap. */
    private final ArrayDeque<Partial> inProgress = new ArrayDeque<>();
    private int bufferedBytes;
    private long dropped;
    private long badFragments;
    private long duplicateFragments;
    private long completed;

    public Reassembler(ReassemblyLimits limits) {
        if (limits.maxMessages() < 1 || limits.maxBytes() < 1 || limits.timeout().isNegative()
                || limits.timeout().isZero()) {
            throw new IllegalArgumentException("reassembly limits must be positive: " + limits);
        }
        this.limits = limits;
        this.timeoutNanos = limits.timeout().toNanos();
    }

    /**
     * Adds fragment {@code index} of {@code count} of message {@code messageSeq}. Returns the whole message
     * when this fragment completes it, else null. Inconsistent or excess fragments are dropped and counted.
     * A message of one fragment is returned as {@code chunk} itself, without a copy.
     */
    public byte[] offer(long messageSeq, int index, int count, byte[] chunk, long nowNanos) {
        expire(nowNanos);
        Partial p = find(messageSeq);
        if (count < 1 || count > Fragmenter.MAX_FRAGMENTS || index < 0 || index >= count
                || chunk.length > Fragmenter.MAX_MESSAGE || (p != null && count != p.count)) {
            badFragments++;
            if (p != null) {
                drop(p);
            }
            return null;
        }
        if (p == null) {
            if (count == 1) {
                completed++;
                return chunk;
            }
            if (chunk.length > limits.maxBytes()) {
                dropped++;
                return null;
            }
            makeRoom(chunk.length, null);
            if (inProgress.size() >= limits.maxMessages()) {
                drop(inProgress.peekFirst());
            }
            p = new Partial(messageSeq, count, nowNanos);
            inProgress.addLast(p);
        } else if (p.chunks[index] != null) {
            duplicateFragments++;
            return null;
        }
        if (!p.accepts(index, chunk.length)) {
            badFragments++;
            drop(p);
            return null;
        }
        if (p.bytes + chunk.length > limits.maxBytes()) {
            drop(p);
            return null;
        }
        makeRoom(chunk.length, p);
        p.add(index, chunk);
        bufferedBytes += chunk.length;
        if (p.received < p.count) {
            return null;
        }
        inProgress.remove(p);
        bufferedBytes -= p.bytes;
        completed++;
        return p.join();
    }

    /** Drops messages older than the timeout. */
    public void expire(long nowNanos) {
        Partial head;
        while ((head = inProgress.peekFirst()) != null && nowNanos - head.firstNanos >= timeoutNanos) {
            drop(head);
        }
    }

    /** Forgets everything (the source restarted). Not counted as drops. */
    public void clear() {
        inProgress.clear();
        bufferedBytes = 0;
    }

    public int bufferedBytes() {
        return bufferedBytes;
    }

    /** Messages in progress now. */
    public int inProgress() {
        return inProgress.size();
    }

    /** Messages dropped incomplete (timeout, bounds, inconsistent fragments). */
    public long dropped() {
        return dropped;
    }

    /** Fragments that contradicted their message, or were out of range (each also drops its message). */
    public long badFragments() {
        return badFragments;
    }

    /** Second copies of a fragment already held. */
    public long duplicateFragments() {
        return duplicateFragments;
    }

    /** Messages returned whole, the unfragmented included. */
    public long completed() {
        return completed;
    }

    /** Evicts the oldest messages, except {@code keep}, until {@code bytes} more fit in the byte bound. */
    private void makeRoom(int bytes, Partial keep) {
        while (bufferedBytes + bytes > limits.maxBytes()) {
            Partial oldest = inProgress.peekFirst();
            if (oldest == keep) {
                oldest = second();
            }
            if (oldest == null) {
                return;
            }
            drop(oldest);
        }
    }

    private Partial second() {
        var it = inProgress.iterator();
        it.next();
        return it.hasNext() ? it.next() : null;
    }

    private Partial find(long messageSeq) {
        for (Partial p : inProgress) {
            if (p.messageSeq == messageSeq) {
                return p;
            }
        }
        return null;
    }

    private void drop(Partial p) {
        inProgress.remove(p);
        bufferedBytes -= p.bytes;
        dropped++;
    }

    /** One message in progress. */
    private static final class Partial {
        final long messageSeq;
        final int count;
        final long firstNanos;
        final byte[][] chunks;
        int received;
        int bytes;
        /** The length every fragment but the last must have, once one of them (or the last) told us. */
        int chunkLength = -1;
        int lastLength = -1;

        Partial(long messageSeq, int count, long firstNanos) {
            this.messageSeq = messageSeq;
            this.count = count;
            this.firstNanos = firstNanos;
            this.chunks = new byte[count][];
        }

        /** Whether a fragment of {@code length} bytes at {@code index} fits what the others said. */
        boolean accepts(int index, int length) {
            if (length < 1) {
                return false;
            }
            if (index == count - 1) {
                // the other fragments are at least as long as the last one
                return chunkLength < 0
                        ? (long) count * length <= Fragmenter.MAX_MESSAGE
                        : length <= chunkLength && (long) (count - 1) * chunkLength + length <= Fragmenter.MAX_MESSAGE;
            }
            if (chunkLength >= 0) {
                return length == chunkLength;
            }
            return (lastLength < 0 || lastLength <= length)
                    && (long) (count - 1) * length + Math.max(lastLength, 1) <= Fragmenter.MAX_MESSAGE;
        }

        void add(int index, byte[] chunk) {
            if (index == count - 1) {
                lastLength = chunk.length;
            } else {
                chunkLength = chunk.length;
            }
            chunks[index] = chunk;
            received++;
            bytes += chunk.length;
        }

        byte[] join() {
            byte[] whole = new byte[bytes];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, whole, at, c.length);
                at += c.length;
            }
            Arrays.fill(chunks, null);
            return whole;
        }
    }
}
