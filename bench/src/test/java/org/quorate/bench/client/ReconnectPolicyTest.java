package org.quorate.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quorate.bench.client.ReconnectPolicy.AttemptEnd;

class ReconnectPolicyTest {
    /** A random source the policy must not touch. */
    private static final RandomGenerator NEVER = () -> {
        throw new AssertionError("no back-off expected here");
    };

    @Test
    void defaultBackoffIsZeroTo4499MillisecondsLikeTheCClient() {
        // quorum.device.timeout 10000 -> heartbeat 8000, cast-vote interval 5000, random() % 4500
        assertThat(ReconnectPolicy.backoffBoundFor(8000)).isEqualTo(4500);
        assertThat(new ReconnectPolicy(8000, 8000, NEVER).backoffBoundMillis()).isEqualTo(4500);
    }

    @Test
    void backoffBoundFollowsTheHeartbeatAtTheLimitsQnetdAccepts() {
        // heartbeat 1000 = 0.8 x timeout 1250: cast-vote 625, (int) (625 x 0.9) = 562
        assertThat(ReconnectPolicy.backoffBoundFor(1000)).isEqualTo(562);
        // heartbeat 120000 = 0.8 x 150000: cast-vote 75000, 67500
        assertThat(ReconnectPolicy.backoffBoundFor(120_000)).isEqualTo(67_500);
    }

    @Test
    void refusedConnectWaitsForTheConnectTimerWithoutBackoff() {
        ReconnectPolicy policy = new ReconnectPolicy(8000, 8000, NEVER);
        assertThat(policy.pauseMillis(AttemptEnd.TCP_CONNECT_FAILED, 0)).isEqualTo(8000);
        assertThat(policy.pauseMillis(AttemptEnd.TCP_CONNECT_FAILED, 3)).isEqualTo(7997);
        assertThat(policy.pauseMillis(AttemptEnd.TCP_CONNECT_FAILED, 7999)).isEqualTo(1);
        // a failure reported after the timer would have fired (a slow ICMP error, say) retries at once
        assertThat(policy.pauseMillis(AttemptEnd.TCP_CONNECT_FAILED, 9000)).isZero();
    }

    @Test
    void connectTimeoutBeforeTcpConnectedRetriesAtOnce() {
        ReconnectPolicy policy = new ReconnectPolicy(8000, 8000, NEVER);
        assertThat(policy.pauseMillis(AttemptEnd.TIMED_OUT_CONNECTING, 8000)).isZero();
    }

    @Test
    void anEndAfterTcpConnectDrawsTheBackoffBelowTheBound() {
        List<Long> bounds = new ArrayList<>();
        RandomGenerator highest = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("the policy asks for a bounded value");
            }

            @Override
            public long nextLong(long bound) {
                bounds.add(bound);
                return bound - 1;
            }
        };
        ReconnectPolicy policy = new ReconnectPolicy(8000, 8000, highest);
        assertThat(policy.pauseMillis(AttemptEnd.ENDED_AFTER_CONNECT, 123)).isEqualTo(4499);
        assertThat(bounds).containsExactly(4500L);
    }

    @Test
    void backoffsOfASeededSourceCoverTheWholeRange() {
        ReconnectPolicy policy = new ReconnectPolicy(8000, 8000, new SplittableRandom(42));
        LongSummaryStatistics pauses = new LongSummaryStatistics();
        for (int i = 0; i < 10_000; i++) {
            pauses.accept(policy.pauseMillis(AttemptEnd.ENDED_AFTER_CONNECT, 0));
        }
        assertThat(pauses.getMin()).isBetween(0L, 10L);
        assertThat(pauses.getMax()).isBetween(4490L, 4499L);
        // uniform: the mean of 10,000 draws from [0, 4500) is 2249.5 give or take ~13 (one standard error)
        assertThat(pauses.getAverage()).isBetween(2200.0, 2300.0);
    }

    @Test
    void connectTimeoutMustBePositive() {
        assertThatThrownBy(() -> new ReconnectPolicy(0, 8000, NEVER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connect timeout");
    }

    @Test
    void takesTheTimeoutsFromTheFleetSettings() {
        FleetSettings settings = new FleetSettings(true, 2000, 3000, 4, 64, 2);
        ReconnectPolicy policy = ReconnectPolicy.of(settings, NEVER);
        assertThat(policy.connectTimeoutMillis()).isEqualTo(3000);
        assertThat(policy.backoffBoundMillis()).isEqualTo(1125); // 2000 -> 2500 -> 1250 -> 1125
    }
}
