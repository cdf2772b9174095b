package org.quorate.qnetd.server;

import java.util.ArrayDeque;
import java.util.Queue;

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
 * <p>Not thread-safe: it lives on the server's logic thread, like the sessions that use it.
 */
public final class HandshakeGate {
    /** Enough to keep every core and the network round trips busy; far below what a storm brings. */
    public static final int DEFAULT_LIMIT = 64;

    private final int limit;
    private final Queue<Ticket> waiting = new ArrayDeque<>();
    private int running;

    HandshakeGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("handshake limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** One connection's place: started now or later, and given back exactly once. */
    public final class Ticket {
        private final Runnable start;
        private boolean started;
        private boolean done;

        private Ticket(Runnable start) {
            this.start = start;
        }

        /** True once the handshake was let in (maybe at once). */
        boolean started() {
            return started;
        }

        /**
         * The handshake finished, failed or its connection closed: frees the place for the next one. A
         * ticket still waiting just leaves the queue. Idempotent.
         */
        void release() {
            if (done) {
                return;
            }
            done = true;
            if (started) {
                running--;
                startWaiting();
            }
        }
    }

    /** Starts {@code start} now if a place is free, otherwise when one is. */
    Ticket enter(Runnable start) {
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
            next.start.run();
        }
    }

    /** Handshakes running now. */
    public int running() {
        return running;
    }

    /** Connections waiting for a place (released ones that still sit in the queue excluded). */
    public int waiting() {
        return (int) waiting.stream().filter(t -> !t.done).count();
    }
}
