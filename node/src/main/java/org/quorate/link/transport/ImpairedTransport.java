package org.quorate.link.transport;

import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.DatagramTransport;
import org.quorate.net.SendFailure;
import org.quorate.time.Scheduler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DatagramTransport} that drops and delays what its endpoints receive ({@link RxImpairment}), over
 * any other transport. Delayed datagrams are copied and handed over later on {@code scheduler} (the inner
 * transport's thread); at most {@link #MAX_HELD_BYTES} wait at once, beyond that they are dropped, as a full
 * netem queue drops. Sends pass through untouched: impair the receive side of every host instead.
 */
public final class ImpairedTransport implements DatagramTransport {
    /** Bytes of delayed datagrams held at once across every endpoint. */
    public static final long MAX_HELD_BYTES = 64L << 20;

    private final DatagramTransport inner;
    private final Scheduler scheduler;
    private final RxImpairment impairment;
    private final SplittableRandom random;
    private long heldBytes;
    private long dropped;
    private long overflowed;
    private long delayed;

    public ImpairedTransport(DatagramTransport inner, Scheduler scheduler, RxImpairment impairment) {
        this.inner = inner;
        this.scheduler = scheduler;
        this.impairment = impairment;
        this.random = new SplittableRandom(impairment.seed());
    }

    @Override
    public DatagramEndpoint open(InetSocketAddress local, DatagramReceiver receiver) throws IOException {
        return inner.open(local, new Impaired(receiver));
    }

    @Override
    public void close() {
        inner.close();
    }

    /** Datagrams dropped by the loss probability. */
    public long dropped() {
        return dropped;
    }

    /** Datagrams dropped because {@link #MAX_HELD_BYTES} were already waiting. */
    public long overflowed() {
        return overflowed;
    }

    public long delayed() {
        return delayed;
    }

    private long delayNanos() {
        long base = impairment.delay().toNanos();
        long jitter = impairment.jitter().toNanos();
        long offset = jitter == 0 ? 0 : random.nextLong(-jitter, jitter + 1);
        return Math.max(0, base + offset);
    }

    private final class Impaired implements DatagramReceiver {
        private final DatagramReceiver target;

        Impaired(DatagramReceiver target) {
            this.target = target;
        }

        @Override
        public void received(InetSocketAddress source, byte[] data, int length) {
            if (impairment.loss() > 0 && random.nextDouble() < impairment.loss()) {
                dropped++;
                return;
            }
            long wait = delayNanos();
            if (wait == 0) {
                target.received(source, data, length);
                return;
            }
            if (heldBytes + length > MAX_HELD_BYTES) {
                overflowed++;
                return;
            }
            byte[] copy = Arrays.copyOf(data, length);
            heldBytes += length;
            delayed++;
            scheduler.schedule(() -> {
                heldBytes -= length;
                target.received(source, copy, length);
            }, wait, TimeUnit.NANOSECONDS);
        }

        @Override
        public void sendFailed(InetSocketAddress destination, SendFailure failure, String detail) {
            target.sendFailed(destination, failure, detail);
        }
    }
}
