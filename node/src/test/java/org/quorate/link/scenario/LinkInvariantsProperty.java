package org.quorate.link.scenario;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.quorate.link.LinkEvent;
import org.quorate.link.LinkPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the policy, the loss and the sequence of one-way cuts and heals on link 0 (link 1 is left alone,
 * lossy like link 0): no message is delivered twice or altered, reachability and link up/down reports
 * alternate, and since link 1 stays up no host is ever reported unreachable.
 */
class LinkInvariantsProperty {
    record Fault(int atMs, int from, int to, boolean cut) {
    }

    @Provide
    Arbitrary<List<Fault>> faults() {
        Arbitrary<Fault> f = Combinators.combine(Arbitraries.integers().between(0, 30_000),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3), Arbitraries.of(true, false))
                .as(Fault::new).filter(x -> x.from() != x.to());
        return f.list().ofMaxSize(8);
    }

    @Property(tries = 25)
    void deliveriesAreUniqueReportsAlternateAndLinkOneKeepsEveryoneReachable(
            @ForAll("faults") List<Fault> faults, @ForAll LinkPolicy policy,
            @ForAll("loss") double loss, @ForAll("seeds") long seed) {
        TestbedSpec spec = TestbedSpec.corosyncDefaults(3, 2, seed).withPolicy(policy);
        try (SimTestbed bed = new SimTestbed(spec)) {
            LinkScenarios.warmUp(bed);
            Shaping lossy = Shaping.loss(loss);
            for (int l = 0; l < 2; l++) {
                for (int a = 1; a <= 3; a++) {
                    for (int b = 1; b <= 3; b++) {
                        if (a != b) {
                            bed.shape(a, b, l, lossy);
                        }
                    }
                }
            }
            List<Traffic> traffic = new ArrayList<>();
            for (int a = 1; a <= 3; a++) {
                traffic.add(Traffic.start(bed, a, a % 3 + 1, Duration.ofMillis(20), 100 + a * 1500));
            }
            List<Fault> sorted = new ArrayList<>(faults);
            sorted.sort((x, y) -> Integer.compare(x.atMs(), y.atMs()));
            int now = 0;
            for (Fault f : sorted) {
                bed.runFor(Duration.ofMillis(f.atMs() - now));
                now = f.atMs();
                if (f.cut()) {
                    bed.cut(f.from(), f.to(), 0);
                } else {
                    bed.heal(f.from(), f.to(), 0);
                }
            }
            bed.runFor(Duration.ofMillis(35_000 - now));
            String replay = bed.describe() + " faults " + sorted + " loss " + loss;

            for (Traffic t : traffic) {
                assertThat(t.duplicates()).as("duplicates " + t.from + "->" + t.to + " " + replay).isZero();
                assertThat(t.received()).allMatch(m -> Traffic.seq(m) < t.sent());
            }
            assertThat(LinkScenarios.unreachables(bed)).as("unreachable while link 1 is up: " + replay).isZero();
            for (int h = 1; h <= 3; h++) {
                HostRecorder r = bed.recorder(h);
                Map<Integer, Boolean> last = new HashMap<>();
                for (HostRecorder.Reachability x : r.reachability) {
                    assertThat(x.reachable()).as("alternating reachability " + replay)
                            .isNotEqualTo(last.getOrDefault(x.host(), false));
                    last.put(x.host(), x.reachable());
                }
                Map<String, LinkEvent.Kind> lastKind = new HashMap<>();
                Set<LinkEvent.Kind> upDown = Set.of(LinkEvent.Kind.UP, LinkEvent.Kind.DOWN);
                for (LinkEvent e : r.events) {
                    if (upDown.contains(e.kind())) {
                        String k = e.hostId() + "/" + e.linkId();
                        assertThat(e.kind()).as("alternating up/down " + k + " " + replay)
                                .isNotEqualTo(lastKind.getOrDefault(k, LinkEvent.Kind.DOWN));
                        lastKind.put(k, e.kind());
                    }
                }
                assertThat(r.events(LinkEvent.Kind.DOWN)).as("link 1 never down " + replay)
                        .noneMatch(e -> e.linkId() == 1);
            }
            Set<Integer> senders = new HashSet<>();
            bed.recorder(1).messages.forEach(m -> senders.add(m.from()));
            assertThat(senders).isSubsetOf(1, 2, 3);
        }
    }

    @Provide
    Arbitrary<Double> loss() {
        return Arbitraries.of(0.0, 0.01, 0.02);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().between(1, 1_000_000);
    }
}
