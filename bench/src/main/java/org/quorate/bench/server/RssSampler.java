package org.quorate.bench.server;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Samples a process's RSS every half second on a daemon thread and keeps the peak. */
public final class RssSampler implements AutoCloseable {
    private final AtomicLong peakKib = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param pid the current pid (a restart changes it) */
    public RssSampler(LongSupplier pid) {
        thread = new Thread(() -> {
            while (running) {
                try {
                    peakKib.accumulateAndGet(ProcStat.rssKib(pid.getAsLong()), Math::max);
                } catch (IOException | RuntimeException gone) {
                    // between kill and restart there is no process to read
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public long peakKib() {
        return peakKib.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
