package org.quorate.link.pmtud;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One discovery over a fake path, in pure time: the path carries UDP payloads up to {@code pathMtu}, the
 * local kernel refuses (EMSGSIZE) those over {@code kernelMtu}, replies take {@code rttNanos}; ticks every
 * 200 ms. EMSGSIZE is reported after the send returns, as the engine would.
 */
final class PmtuRig implements PmtuOutbox {
    static final long MS = 1_000_000L;
    static final long TICK = 200 * MS;

    final PmtuDiscovery discovery;
    private final PriorityQueue<long[]> replies = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private final List<Integer> refusedByKernel = new ArrayList<>();
    private long now;
    private long nextTick = TICK;

    int pathMtu;
    int kernelMtu;
    long rttNanos = MS;
    boolean cut;
    final List<Integer> probeSizes = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final List<Integer> mtuValues = new ArrayList<>();

    PmtuRig(PmtuSettings settings, boolean ipv6, int ceiling, int pathMtu) {
        this.pathMtu = pathMtu;
        this.kernelMtu = ceiling;
        this.discovery = new PmtuDiscovery(settings, ipv6, ceiling, 0);
    }

    long now() {
        return now;
    }

    void runUntil(long until) {
        while (true) {
            long replyAt = replies.isEmpty() ? Long.MAX_VALUE : replies.peek()[0];
            if (replyAt <= nextTick && replyAt <= until) {
                long[] r = replies.poll();
                now = r[0];
                discovery.onReply(now, (int) r[1], (int) r[2], this);
            } else if (nextTick <= until) {
                now = nextTick;
                nextTick += TICK;
                discovery.onTick(now, this);
            } else {
                now = until;
                break;
            }
            deliverRefusals();
        }
    }

    void restart(String reason) {
        discovery.restart(now, reason, this);
        deliverRefusals();
    }

    private void deliverRefusals() {
        while (!refusedByKernel.isEmpty()) {
            discovery.onTooBig(now, refusedByKernel.remove(0), this);
        }
    }

    @Override
    public void sendProbe(int size, int probeId) {
        probeSizes.add(size);
        if (size > kernelMtu) {
            refusedByKernel.add(size);
            return;
        }
        if (!cut && size <= pathMtu) {
            replies.add(new long[]{now + rttNanos, probeId, size});
        }
    }

    @Override
    public void mtuChanged(int from, int to, String reason) {
        mtuValues.add(to);
        log.add(now / MS + " ms mtu " + from + " -> " + to + ": " + reason);
    }

    @Override
    public void stateChanged(PmtuState from, PmtuState to, String reason) {
        log.add(now / MS + " ms " + from + " -> " + to + ": " + reason);
    }
}
