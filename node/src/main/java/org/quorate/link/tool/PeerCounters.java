package org.quorate.link.tool;

import java.util.BitSet;

/**
 * What one remote host and this node exchanged. {@code lost} is exact once traffic has drained: the peer
 * numbers only the messages the link layer accepted, so seq 0..max were all sent and every unseen one was
 * lost. {@code sent} counts accepted sends, {@code refused} the sends the layer turned down (unreachable, queue
 * full). Duplicates are messages whose seq was already delivered: the layer must remove them, so the figure
 * should stay 0.
 */
final class PeerCounters {
    final int hostId;
    long sent;
    long refused;
    long nextSeq;
    long received;
    long duplicates;
    long receivedBytes;
    long maxSeq = -1;
    long unreachableEvents;
    long reachableEvents;
    long downEvents;
    long upEvents;
    long failovers;
    final RttRecorder rtt = new RttRecorder();
    private final BitSet seen = new BitSet();

    PeerCounters(int hostId) {
        this.hostId = hostId;
    }

    void delivered(long seq, int bytes) {
        if (seq < 0 || seq > Integer.MAX_VALUE) {
            return; // not a seq we could have sent within one run
        }
        if (seen.get((int) seq)) {
            duplicates++;
            return;
        }
        seen.set((int) seq);
        received++;
        receivedBytes += bytes;
        maxSeq = Math.max(maxSeq, seq);
    }

    long lost() {
        return maxSeq + 1 - received;
    }
}
