package org.quorate.qnetd.badinput;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the memory Netty's default allocator (the one the server's channels use) holds, heap plus direct,
 * on a background thread. A decoder that buffered an oversize frame would have to hold its bytes there.
 */
final class AllocatorProbe implements AutoCloseable {
    private final ByteBufAllocatorMetric metric;
    private final long baseline;
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    AllocatorProbe() {
        if (!(ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider)) {
            throw new IllegalStateException("Netty's default allocator " + ByteBufAllocator.DEFAULT.getClass()
                    + " reports no memory metrics");
        }
        metric = provider.metric();
        baseline = used();
        peak.set(baseline);
        sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(used(), Math::max);
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
        }, "allocator-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    private long used() {
        return metric.usedHeapMemory() + metric.usedDirectMemory();
    }

    /** Highest usage seen above the usage when the probe started. */
    long peakGrowth() {
        return peak.get() - baseline;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        sampler.join();
    }
}
