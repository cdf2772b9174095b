package org.quorate.link.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quorate.link.real.DetectionMeter.Figures;
import org.quorate.link.real.DetectionMeter.Run;
import org.quorate.testsupport.lab.Await;
import org.quorate.time.SystemClock;

/**
 * The detection figure, side by side in one namespace run: on the link lab, with one corosync.conf, first
 * real corosync 3.1.7 and then quorate-linkbench (the same file and authkey, corosync stopped); link 0 cut
 * between node 1 and node 2 (both ways) five times each; prints how long until the corosync-cfgtool -s text on
 * node 1 (cfgtool's for corosync, the tool's status file for Quorate, both polled every 20 ms) shows node 2
 * disconnected on link 0, and connected again after the heal. Asserts only sanity: detected and recovered
 * within 30 s, and link 1 kept node 2 reachable.
 */
@Tag("realstack")
@Tag("slow")
class DetectionFigureTest {
    private static final int REPETITIONS = 5;
    /** Past knet's 10x backoff after a link comes up (one multiple less per second). */
    private static final Duration SETTLE = Duration.ofSeconds(12);

    @ParameterizedTest
    @EnumSource(LinkProfile.class)
    void detectionOfOneCutLink(LinkProfile profile) {
        try (RealLinkLab lab = RealLinkLab.open("detect-" + profile.name().toLowerCase(java.util.Locale.ROOT), profile)) {
            DetectionMeter meter = new DetectionMeter(SystemClock.INSTANCE, Await::sleep, Duration.ofMillis(20),
                    Duration.ofSeconds(30));
            DetectionProbe corosync = new CorosyncLinkProbe(lab, 1, 2, 0);
            measure(meter, corosync);
            // the other link kept the membership: node 1 still reaches node 2 on link 1
            assertThat(CfgtoolText.connected(lab.cfgtool(1, "-s"), 1, 2)).isTrue();

            QuorateLinkProbe quorate = QuorateLinkProbe.replaceCorosync(lab, 1, 2, 0);
            measure(meter, quorate);
            assertThat(CfgtoolText.connected(quorate.statusText(1), 1, 2)).isTrue();
        }
    }

    private static void measure(DetectionMeter meter, DetectionProbe probe) {
        List<Run> runs = meter.measure(probe, REPETITIONS, SETTLE, System.out::println);
        Figures detect = Figures.of(runs.stream().map(Run::detected).toList());
        Figures recover = Figures.of(runs.stream().map(Run::recovered).toList());
        System.out.println("FIGURE " + probe.name() + ": down after " + detect + "; up again after " + recover);
        assertThat(runs).hasSize(REPETITIONS).allSatisfy(r -> {
            assertThat(r.detected()).isPositive().isLessThan(Duration.ofSeconds(30));
            assertThat(r.recovered()).isLessThan(Duration.ofSeconds(30));
        });
    }
}
