package org.quorate.testsupport.simnet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.quorate.time.VirtualScheduler;
import org.quorate.testsupport.simnet.TraceEvent.DropReason;
import org.quorate.testsupport.simnet.TraceEvent.Kind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimNetworkTest {
    private static final Endpoint A = Endpoint.of(1, 0);
    private static final Endpoint B = Endpoint.of(2, 0);

    /** A two-endpoint network with a recorded trace and B's arrivals, sending {@code count} datagrams A->B. */
    private static final class Run {
        final VirtualScheduler clock = new VirtualScheduler();
        final SimNetwork net;
        final List<TraceEvent> trace = new ArrayList<>();
        final List<Datagram> atB = new ArrayList<>();
        final List<Datagram> atA = new ArrayList<>();
        final Map<Long, Long> sentAt = new HashMap<>();
        final Map<Long, List<Long>> arrivedAt = new HashMap<>();
        final Port portA;
        final Port portB;

        Run(long seed) {
            net = new SimNetwork(clock, seed);
            net.addTraceListener(trace::add);
            net.addTraceListener(e -> {
                if (e.kind() == Kind.SENT) {
                    sentAt.put(e.datagram().id(), e.nanos());
                } else if (e.kind() == Kind.DELIVERED) {
                    arrivedAt.computeIfAbsent(e.datagram().id(), k -> new ArrayList<>()).add(e.nanos());
                }
            });
            portA = net.bind(A, atA::add);
            portB = net.bind(B, atB::add);
        }

        /** Sends {@code count} datagrams A->B, one per millisecond, then lets everything land. */
        Run sendAToB(int count) {
            for (int i = 0; i < count; i++) {
                clock.execute(() -> portA.send(B, new byte[] {1, 2, 3}));
                clock.advance(1, TimeUnit.MILLISECONDS);
            }
            clock.advance(10, TimeUnit.SECONDS);
            return this;
        }

        long dropped(DropReason reason) {
            return trace.stream().filter(e -> e.kind() == Kind.DROPPED && e.reason() == reason).count();
        }
    }

    @Property(tries = 30)
    void theDropRateIsAsConfigured(@ForAll @DoubleRange(min = 0, max = 1) double rate, @ForAll long seed) {
        Run run = new Run(seed);
        run.net.setConditions(A, B, LinkConditions.PERFECT.withDropRate(rate));
        int n = 4000;
        run.sendAToB(n);
        // binomial(n, rate): 5 standard deviations either side, so a correct network fails ~1 in 10^6 tries
        double sigma = Math.sqrt(n * rate * (1 - rate));
        assertThat((double) run.dropped(DropReason.RANDOM_LOSS)).isBetween(n * rate - 5 * sigma - 1, n * rate + 5 * sigma + 1);
        assertThat(run.atB.size() + run.dropped(DropReason.RANDOM_LOSS)).isEqualTo(n);
    }

    @Property(tries = 30)
    void everyDelayLiesWithinDelayPlusJitter(@ForAll @LongRange(min = 0, max = 500) long delayMs,
                                             @ForAll @LongRange(min = 0, max = 500) long jitterMs, @ForAll long seed) {
        Run run = new Run(seed);
        Duration delay = Duration.ofMillis(delayMs);
        Duration jitter = Duration.ofMillis(jitterMs);
        run.net.setConditions(A, B, LinkConditions.PERFECT.withDelay(delay, jitter));
        run.sendAToB(300);
        assertThat(run.atB).hasSize(300);
        run.arrivedAt.forEach((id, times) -> {
            long took = times.get(0) - run.sentAt.get(id);
            assertThat(took).as("datagram %d", id).isBetween(delay.toNanos(), delay.plus(jitter).toNanos());
        });
    }

    @Property(tries = 20)
    void withoutJitterOrReorderingADirectionIsFifo(@ForAll @LongRange(min = 0, max = 200) long delayMs, @ForAll long seed) {
        Run run = new Run(seed);
        run.net.setConditions(A, B, LinkConditions.PERFECT.withDelay(Duration.ofMillis(delayMs), Duration.ZERO)
                .withDropRate(0.2));
        run.sendAToB(500);
        assertThat(run.atB).extracting(Datagram::id).isSorted();
    }

    @Property(tries = 20)
    void reorderingOvertakesButLosesNothing(@ForAll @DoubleRange(min = 0.05, max = 0.5) double rate, @ForAll long seed) {
        Run run = new Run(seed);
        run.net.setConditions(A, B, LinkConditions.PERFECT.withReordering(rate, Duration.ofMillis(20)));
        run.sendAToB(1000);
        List<Long> ids = run.atB.stream().map(Datagram::id).toList();
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates().isNotEqualTo(ids.stream().sorted().toList());
        long overtaken = 0;
        long newestSeen = -1;
        for (long id : ids) {
            overtaken += id < newestSeen ? 1 : 0;
            newestSeen = Math.max(newestSeen, id);
        }
        // a held-back datagram (20 ms at one send a millisecond) is overtaken unless it is among the last
        // few sent or every one of the next 20 was held too: about rate * n of them
        double sigma = Math.sqrt(1000 * rate * (1 - rate));
        assertThat((double) overtaken).isBetween(1000 * rate - 6 * sigma - 20, 1000 * rate + 6 * sigma);
    }

    @Property(tries = 20)
    void duplicatesCarryTheirOriginalsId(@ForAll @DoubleRange(min = 0, max = 1) double rate, @ForAll long seed) {
        Run run = new Run(seed);
        run.net.setConditions(A, B, LinkConditions.PERFECT.withDuplicateRate(rate));
        run.sendAToB(2000);
        long dups = run.trace.stream().filter(e -> e.kind() == Kind.DUPLICATED).count();
        assertThat(run.atB).hasSize(2000 + (int) dups);
        assertThat(run.arrivedAt.values()).allSatisfy(times -> assertThat(times.size()).isBetween(1, 2));
        double sigma = Math.sqrt(2000 * rate * (1 - rate));
        assertThat((double) dups).isBetween(2000 * rate - 5 * sigma - 1, 2000 * rate + 5 * sigma + 1);
    }

    @Test
    void aOneWayCutLosesOneDirectionOnly() {
        Run run = new Run(7);
        run.net.cut(A, B);
        for (int i = 0; i < 10; i++) {
            run.clock.execute(() -> {
                run.portA.send(B, new byte[] {1});
                run.portB.send(A, new byte[] {2});
            });
            run.clock.advance(1, TimeUnit.MILLISECONDS);
        }
        assertThat(run.atB).isEmpty();
        assertThat(run.atA).hasSize(10);
        assertThat(run.dropped(DropReason.CUT)).isEqualTo(10);

        run.net.heal(A, B);
        run.sendAToB(5);
        assertThat(run.atB).hasSize(5);
    }

    @Test
    void conditionsChangeAtRunTimeForLaterSendsOnly() {
        Run run = new Run(7);
        run.net.setConditions(A, B, LinkConditions.PERFECT.withDelay(Duration.ofMillis(100), Duration.ZERO));
        run.clock.execute(() -> run.portA.send(B, new byte[] {1}));
        run.clock.advance(10, TimeUnit.MILLISECONDS);
        run.net.cut(A, B);                       // the first datagram is already on the wire
        run.clock.execute(() -> run.portA.send(B, new byte[] {2}));
        run.clock.advance(1, TimeUnit.SECONDS);
        assertThat(run.atB).extracting(d -> d.payload()[0]).containsExactly((byte) 1);
        assertThat(run.net.conditions(A, B).delay()).isEqualTo(Duration.ofMillis(100));
    }

    @Property(tries = 20)
    void overMtuDatagramsAreDropped(@ForAll @IntRange(min = 1, max = 1500) int mtu, @ForAll @IntRange(min = 0, max = 3000) int size) {
        Run run = new Run(1);
        run.net.setConditions(A, B, LinkConditions.PERFECT.withMtu(mtu));
        run.clock.execute(() -> run.portA.send(B, new byte[size]));
        run.clock.runDue();
        assertThat(run.atB).hasSize(size <= mtu ? 1 : 0);
    }

    @Test
    void anUnboundEndpointDropsWhatArrivesAndAPortBindsOnce() {
        Run run = new Run(3);
        run.portB.close();
        run.sendAToB(3);
        assertThat(run.dropped(DropReason.NO_RECEIVER)).isEqualTo(3);
        assertThatThrownBy(() -> run.net.bind(A, d -> { })).hasMessageContaining("1/0 is already bound");
    }

    private static List<String> chaoticTrace(long seed) {
        Run run = new Run(seed);
        run.net.setBothWays(A, B, new LinkConditions(false, 0, 0.2, Duration.ofMillis(5), Duration.ofMillis(30),
                0.1, 0.1, Duration.ofMillis(50)));
        for (int i = 0; i < 300; i++) {
            int n = i;
            run.clock.execute(() -> {
                run.portA.send(B, new byte[] {(byte) n});
                run.portB.send(A, new byte[] {(byte) -n});
            });
            run.clock.advance(1, TimeUnit.MILLISECONDS);
        }
        run.clock.advance(1, TimeUnit.SECONDS);
        return run.trace.stream().map(e -> e + " " + e.datagram().payload()[0]).toList();
    }

    @Property(tries = 10)
    void theSameSeedReplaysTheSameTrace(@ForAll long seed) {
        List<String> first = chaoticTrace(seed);
        assertThat(chaoticTrace(seed)).isEqualTo(first);
        assertThat(chaoticTrace(seed + 1)).isNotEqualTo(first);
    }

    @Test
    void conditionsRejectNonsenseNamingTheSetting() {
        assertThatThrownBy(() -> LinkConditions.PERFECT.withDropRate(1.5)).hasMessageContaining("dropRate 1.5");
        assertThatThrownBy(() -> LinkConditions.PERFECT.withDelay(Duration.ofMillis(-1), Duration.ZERO))
                .hasMessageContaining("delay");
    }
}
