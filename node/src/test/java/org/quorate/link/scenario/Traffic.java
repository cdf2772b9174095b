package org.quorate.link.scenario;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Numbered messages from one host to another at a fixed period: each carries its number and the time it was
 * sent, so that the receiving side can tell what arrived, what was lost, and how long traffic stalled.
 */
final class Traffic {
    private static final int HEADER = 16;

    private final LinkTestbed bed;
    final int from;
    final int to;
    private final int size;
    private long next;
    private long refused;

    private Traffic(LinkTestbed bed, int from, int to, int size) {
        this.bed = bed;
        this.from = from;
        this.to = to;
        this.size = Math.max(HEADER, size);
    }

    /** Starts sending {@code size}-byte messages every {@code period}. */
    static Traffic start(LinkTestbed bed, int from, int to, Duration period, int size) {
        Traffic t = new Traffic(bed, from, to, size);
        bed.every(from, period, t::sendOne);
        return t;
    }

    private void sendOne() {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putLong(next++).putLong(bed.nanos());
        if (!bed.layer(from).send(to, b.array())) {
            refused++;
        }
    }

    long sent() {
        return next;
    }

    long refused() {
        return refused;
    }

    /** This traffic's messages as the receiver got them. */
    List<HostRecorder.Message> received() {
        return bed.recorder(to).messages.stream().filter(m -> m.from() == from && m.bytes().length == size).toList();
    }

    long distinctReceived() {
        return received().stream().mapToLong(Traffic::seq).distinct().count();
    }

    long duplicates() {
        List<HostRecorder.Message> r = received();
        return r.size() - r.stream().mapToLong(Traffic::seq).distinct().count();
    }

    /** The send time of the first message sent at or after {@code nanos} that arrived, if any. */
    OptionalLong firstDeliveredSentAfter(long nanos) {
        return received().stream().mapToLong(Traffic::sentNanos).filter(t -> t >= nanos).min();
    }

    /** The longest stretch between the send times of consecutive arrived messages, after {@code nanos}. */
    long longestGapNanos(long fromNanos) {
        long[] times = received().stream().mapToLong(Traffic::sentNanos).filter(t -> t >= fromNanos).sorted().toArray();
        long gap = 0;
        for (int i = 1; i < times.length; i++) {
            gap = Math.max(gap, times[i] - times[i - 1]);
        }
        return gap;
    }

    static long seq(HostRecorder.Message m) {
        return ByteBuffer.wrap(m.bytes()).getLong(0);
    }

    static long sentNanos(HostRecorder.Message m) {
        return ByteBuffer.wrap(m.bytes()).getLong(8);
    }
}
