package org.quorate.qnetd.server;

import org.quorate.time.Scheduler;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * Lets at most {@code limit} TLS handshakes run at once and starts the others first come, first served.
 *
 * <p>Why: after a qnetd restart thousands of nodes send STARTTLS within seconds. Run all at once, every
 * handshake crawls and the server finishes none of them early; a corosync-qdevice whose handshake is not
 * done within its connect timeout (8 s by default) drops the connection and starts over, and the work
 * spent on it is lost. Started in arrival order, the first nodes are back at once and a queued node only
 * waits for CPU that is doing useful work. Waiting costs the server nothing: it stops reading from that
 * connection, so the client's ClientHello stays in the socket.
 *
 * <p>A place is held for one lease at most (setting {@code tls_handshake_lease}, 1 s): a handshake still running by
 * then goes on outside the gate and frees its place. So clients that send STARTTLS and then stall, by
 * accident or to block the server, delay the others by one lease each instead of holding the gate shut.
 *
 * <p>Not thread-safe: it lives on the server's logic thread, like the sessions that use it.
 */
public final class HandshakeGate {
    // The limit and lease are the qnetd settings tls_handshake_limit (64: enough to keep every core and the
    // network round trips busy, far below what a storm brings) and tls_handshake_lease (1 s: a handshake costs
    // milliseconds of CPU; one that needs longer is waiting for its client), see QnetdSettingKeys.
    private final int limit;
    private final long leaseMillis;
    private final Scheduler scheduler;
    private final Queue<Ticket> waiting = new ArrayDeque<>();
    private int running;

    public HandshakeGate(int limit, long leaseMillis, Scheduler scheduler) {
        if (limit < 1) {
            throw new IllegalArgumentException("handshake limit must be at least 1, got " + limit);
        }
        if (leaseMillis < 1) {
            throw new IllegalArgumentException("handshake lease must be at least 1 ms, got " + leaseMillis);
        }
        this.limit = limit;
        this.leaseMillis = leaseMillis;
        this.scheduler = scheduler;
    }

    /** One connection's place: started now or later, and given back exactly once. */
    public final class Ticket {
        private final Runnable start;
        private boolean started;
        private boolean done;
        private Scheduler.Cancellable lease;

        private Ticket(Runnable start) {
            this.start = start;
        }

        /** True once the handshake was let in (maybe at once). */
        public boolean started() {
            return started;
        }

        /**
         * The handshake finished, failed or its connection closed: frees the place for the next one. A
         * ticket still waiting just leaves the queue. Idempotent.
         */
        public void release() {
            if (done) {
                return;
            }
            done = true;
            if (lease != null) {
                lease.cancel();
            }
            if (started) {
                running--;
                startWaiting();
            }
        }
    }

    /** Starts {@code start} now if a place is free, otherwise when one is. */
    public Ticket enter(Runnable start) {
        Ticket ticket = new Ticket(start);
        waiting.add(ticket);
        startWaiting();
        return ticket;
    }

    private void startWaiting() {
        while (running < limit && !waiting.isEmpty()) {
            Ticket next = waiting.poll();
            if (next.done) {
                continue;
            }
            running++;
            next.started = true;
            next.lease = scheduler.schedule(next::release, leaseMillis, TimeUnit.MILLISECONDS);
            next.start.run();
        }
    }

    /** Handshakes holding a place now. */
    public int running() {
        return running;
    }

    /** Connections waiting for a place (released ones that still sit in the queue excluded). */
    public int waiting() {
        return (int) waiting.stream().filter(t -> !t.done).count();
    }
}
