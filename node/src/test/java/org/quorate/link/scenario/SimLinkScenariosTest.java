package org.quorate.link.scenario;

import org.junit.jupiter.api.Test;
import org.quorate.link.crypto.AuthKey;
import org.quorate.link.crypto.KeyRing;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenarios over the simulated network: real engines and crypto, virtual time, one seed. */
class SimLinkScenariosTest extends LinkScenarios {
    @Override
    LinkTestbed testbed(TestbedSpec spec) {
        return new SimTestbed(spec);
    }

    /** The flood of {@link LinkScenarios} leaves nothing behind in host 1's reassembly: it never authenticates. */
    @Test
    void aGarbageFloodLeavesTheReassemblyEmpty() {
        scenario(TestbedSpec.corosyncDefaults(2, 2, seed()), b -> {
            SimTestbed bed = (SimTestbed) b;
            warmUp(bed);
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed());
            for (int i = 0; i < 50_000; i++) {
                byte[] junk = new byte[1 + r.nextInt(1472)];
                r.nextBytes(junk);
                bed.sendRaw(1, i % 2, junk);
            }
            bed.runFor(Duration.ofSeconds(1));
            assertThat(bed.engine(1).reassemblyBytes()).isZero();
            assertThat(bed.layer(1).status().droppedPackets()).isGreaterThanOrEqualTo(50_000);
            assertThat(bed.recorder(1).messages).isEmpty();
        });
    }

    /** Key rotation through the engine's key ring, one host at a time, with traffic both ways: nothing lost. */
    @Test
    void rotatingTheKeyHostByHostLosesNoMessage() {
        TestbedSpec spec = TestbedSpec.corosyncDefaults(3, 2, seed());
        scenario(spec, b -> {
            SimTestbed bed = (SimTestbed) b;
            warmUp(bed);
            Traffic t12 = Traffic.start(bed, 1, 2, Duration.ofMillis(10), 200);
            Traffic t21 = Traffic.start(bed, 2, 1, Duration.ofMillis(10), 5000);
            Traffic t31 = Traffic.start(bed, 3, 1, Duration.ofMillis(10), 200);
            byte[] fresh = new byte[512];
            Arrays.fill(fresh, (byte) 0x42);
            for (int h : bed.hostIds()) {
                bed.engine(h).keys().install(1, AuthKey.of(fresh));
                bed.runFor(Duration.ofMillis(333)); // hosts do not act at the same instant
            }
            for (int h : bed.hostIds()) {
                bed.engine(h).keys().sendWith(1);
                bed.runFor(Duration.ofMillis(500));
            }
            for (int h : bed.hostIds()) {
                bed.engine(h).keys().remove(0);
                bed.runFor(Duration.ofMillis(250));
            }
            bed.runFor(Duration.ofSeconds(5));
            bed.runFor(Duration.ofMillis(100));
            for (Traffic t : new Traffic[]{t12, t21, t31}) {
                assertThat(t.distinctReceived()).as(t.from + " -> " + t.to).isGreaterThanOrEqualTo(t.sent() - 1);
            }
            KeyRing ring = bed.engine(1).keys();
            assertThat(ring.sendingSlot()).isEqualTo(1);
            assertThat(ring.installed(0)).isFalse();
            assertThat(downs(bed)).isZero();
            assertThat(bed.layer(1).status().authenticationFailures()).isZero();
        });
    }
}
