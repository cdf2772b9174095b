package org.quorate.qdevice.net;

import org.quorate.cluster.RingId;
import org.quorate.protocol.Vote;
import org.quorate.qdevice.backend.PollResult;
import org.quorate.qdevice.backend.QuorumBackendException;
import org.quorate.time.Scheduler;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns qnetd's votes into votequorum polls (spec §6.1). While it runs, every tick polls with the
 * current vote (ACK casts it, NACK keeps the device alive without it); ASK_LATER and WAIT_FOR_REPLY
 * stop it so votequorum eventually marks the device dead; NO_CHANGE leaves it alone. Applying ACK or
 * NACK polls at once, so a new vote reaches votequorum without waiting for the next tick. A paused
 * timer keeps its schedule but does not poll (during a membership change).
 */
public final class CastVoteTimer {
    /** The votequorum side: one poll. */
    public interface Poller {
        PollResult poll(boolean castVote, RingId ringId);
    }

    private final Scheduler scheduler;
    private final long intervalMs;
    private final Poller poller;
    private final Supplier<RingId> currentRing;
    private final Consumer<QuorumBackendException> onFailure;

    private Vote vote;            // ACK or NACK while running, null when stopped
    private boolean paused;
    private Scheduler.Cancellable tick;
    private long lastPollMillis;  // wall clock, 0 = never
    private boolean lastPollCastVote;

    public CastVoteTimer(Scheduler scheduler, long intervalMs, Poller poller, Supplier<RingId> currentRing,
                         Consumer<QuorumBackendException> onFailure) {
        this.scheduler = scheduler;
        this.intervalMs = intervalMs;
        this.poller = poller;
        this.currentRing = currentRing;
        this.onFailure = onFailure;
    }

    /** Applies a vote from qnetd or from a local decision. */
    public void apply(Vote newVote) {
        switch (newVote) {
            case ACK, NACK -> {
                vote = newVote;
                if (tick == null) {
                    schedule();
                }
                pollNow();
            }
            case ASK_LATER, WAIT_FOR_REPLY -> stop();
            case NO_CHANGE, UNDEFINED -> { }
        }
    }

    /** The vote a local event may downgrade: ACK becomes NACK, anything else stays (spec §6.2 "ACK→NACK"). */
    public Vote ackToNack() {
        return vote == Vote.ACK ? Vote.NACK : Vote.NO_CHANGE;
    }

    public void pause() {
        paused = true;
    }

    public void unpause() {
        paused = false;
    }

    public void stop() {
        vote = null;
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
    }

    public boolean running() {
        return vote != null;
    }

    public boolean paused() {
        return paused;
    }

    /** ACK or NACK while running, else null. */
    public Vote vote() {
        return vote;
    }

    public long intervalMs() {
        return intervalMs;
    }

    /** Wall-clock millis of the last poll, 0 if never. */
    public long lastPollMillis() {
        return lastPollMillis;
    }

    public boolean lastPollCastVote() {
        return lastPollCastVote;
    }

    private void schedule() {
        tick = scheduler.schedule(this::onTick, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void onTick() {
        tick = null;
        if (vote == null) {
            return;
        }
        pollNow();
        if (vote != null && tick == null) {
            schedule();
        }
    }

    private void pollNow() {
        if (paused || vote == null) {
            return;
        }
        boolean cast = vote == Vote.ACK;
        try {
            // STALE_RING_ID and TRY_AGAIN are expected around membership changes; the next tick retries.
            poller.poll(cast, currentRing.get());
            lastPollMillis = scheduler.currentTimeMillis();
            lastPollCastVote = cast;
        } catch (QuorumBackendException e) {
            stop();
            onFailure.accept(e);
        }
    }
}
