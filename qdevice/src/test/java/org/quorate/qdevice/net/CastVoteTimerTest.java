package org.quorate.qdevice.net;

import org.junit.jupiter.api.Test;
import org.quorate.cluster.RingId;
import org.quorate.protocol.Vote;
import org.quorate.qdevice.backend.CsError;
import org.quorate.qdevice.backend.PollResult;
import org.quorate.qdevice.backend.QuorumBackendException;
import org.quorate.time.VirtualScheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CastVoteTimerTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<String> polls = new ArrayList<>();
    private final List<QuorumBackendException> failures = new ArrayList<>();
    private RingId ring = new RingId(1, 9);
    private boolean failNext;

    private final CastVoteTimer timer = new CastVoteTimer(clock, 5000, (cast, r) -> {
        if (failNext) {
            throw new QuorumBackendException("votequorum_qdevice_poll", CsError.NOT_EXIST);
        }
        polls.add((cast ? "cast" : "nocast") + "@" + r + "@" + clock.nanoTime() / 1_000_000);
        return PollResult.ACCEPTED;
    }, () -> ring, failures::add);

    @Test
    void ackPollsAtOnceAndEveryInterval() {
        timer.apply(Vote.ACK);
        clock.advance(12, TimeUnit.SECONDS);
        assertThat(polls).containsExactly("cast@1.9@0", "cast@1.9@5000", "cast@1.9@10000");
        assertThat(timer.lastPollCastVote()).isTrue();
    }

    @Test
    void nackKeepsTheDeviceAliveWithoutItsVote() {
        timer.apply(Vote.NACK);
        clock.advance(5, TimeUnit.SECONDS);
        assertThat(polls).containsExactly("nocast@1.9@0", "nocast@1.9@5000");
    }

    @Test
    void waitForReplyAndAskLaterStopPollingNoChangeKeepsIt() {
        timer.apply(Vote.ACK);
        timer.apply(Vote.NO_CHANGE);
        assertThat(timer.vote()).isEqualTo(Vote.ACK);
        timer.apply(Vote.WAIT_FOR_REPLY);
        assertThat(timer.running()).isFalse();
        clock.advance(20, TimeUnit.SECONDS);
        assertThat(polls).containsExactly("cast@1.9@0");
        timer.apply(Vote.NACK);
        timer.apply(Vote.ASK_LATER);
        assertThat(timer.running()).isFalse();
    }

    @Test
    void pausedTimerTicksWithoutPollingAndUsesTheNewestRing() {
        timer.apply(Vote.ACK);
        timer.pause();
        ring = new RingId(1, 13);
        clock.advance(10, TimeUnit.SECONDS);
        assertThat(polls).containsExactly("cast@1.9@0");
        timer.unpause();
        clock.advance(5, TimeUnit.SECONDS);
        assertThat(polls).containsExactly("cast@1.9@0", "cast@1.d@15000");
    }

    @Test
    void ackToNackDowngradesOnlyAnAck() {
        assertThat(timer.ackToNack()).isEqualTo(Vote.NO_CHANGE);
        timer.apply(Vote.ACK);
        assertThat(timer.ackToNack()).isEqualTo(Vote.NACK);
    }

    @Test
    void aFailingPollStopsTheTimerAndReports() {
        timer.apply(Vote.ACK);
        failNext = true;
        clock.advance(5, TimeUnit.SECONDS);
        assertThat(failures).hasSize(1);
        assertThat(timer.running()).isFalse();
    }
}
