package org.quorate.link.pmtud;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quorate.link.pmtud.PmtuRig.MS;

class PmtuDiscoveryTest {
    private static final int ETHERNET_V4 = 1500 - 28;

    @Test
    void thePathCarriesWhatTheInterfaceDoes_oneProbeOfTheCeilingAfterTheFloor() {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, ETHERNET_V4, ETHERNET_V4);
        assertThat(rig.discovery.mtu()).isEqualTo(548);
        rig.runUntil(1000 * MS);

        assertThat(rig.discovery.mtu()).isEqualTo(1472);
        assertThat(rig.discovery.state()).isEqualTo(PmtuState.SEARCH_COMPLETE);
        assertThat(rig.probeSizes).containsExactly(548, 1472);
        assertThat(rig.discovery.validated()).isTrue();
    }

    @ParameterizedTest(name = "path MTU {0}")
    @ValueSource(ints = {548, 549, 1000, 1200, 1399, 1400, 1471})
    void aSmallerPathIsFoundWithinTheResolutionAndNeverOverstated(int pathMtu) {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, ETHERNET_V4, pathMtu);
        rig.runUntil(120_000 * MS);

        assertThat(rig.discovery.state()).isEqualTo(PmtuState.SEARCH_COMPLETE);
        assertThat(rig.discovery.mtu()).isLessThanOrEqualTo(pathMtu).isGreaterThan(pathMtu - 16);
        assertThat(rig.mtuValues).as("every MTU announced was confirmed by the path").allMatch(v -> v <= pathMtu);
        // the floor once, then the ceiling and a bisection of 924 bytes down to 16: at most 8 sizes, 3 tries each
        assertThat(rig.probeSizes.size()).isLessThanOrEqualTo(1 + 3 * 8);
    }

    @Test
    void ipv6StartsAtItsOwnFloor() {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, true, 9000 - 48, 1500 - 48);
        assertThat(rig.discovery.mtu()).isEqualTo(1232);
        rig.runUntil(120_000 * MS);
        assertThat(rig.discovery.mtu()).isLessThanOrEqualTo(1452).isGreaterThan(1452 - 16);
        assertThat(rig.probeSizes.get(0)).isEqualTo(1232);
        assertThat(rig.probeSizes.get(1)).isEqualTo(9000 - 48);
    }

    @Test
    void emsgsizeGivesTheNextCandidateAtOnce() {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, 9000 - 28, ETHERNET_V4);
        rig.kernelMtu = ETHERNET_V4; // the route says 1500 although the interface says 9000
        rig.runUntil(400 * MS);
        // the ceiling is refused by the kernel in the same tick, and the bisection goes on without a timeout
        assertThat(rig.probeSizes.subList(0, 3)).containsExactly(548, 8972, 4760);
        rig.runUntil(120_000 * MS);
        assertThat(rig.discovery.mtu()).isLessThanOrEqualTo(ETHERNET_V4).isGreaterThan(ETHERNET_V4 - 16);
    }

    @Test
    void aBlackHoleFallsBackToTheFloorAndSearchesAgainWithoutAnythingDown() {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, ETHERNET_V4, ETHERNET_V4);
        rig.runUntil(1000 * MS);
        assertThat(rig.discovery.mtu()).isEqualTo(1472);
        rig.pathMtu = 1300; // a tunnel appears mid-way: 1472 now vanishes silently
        rig.runUntil(31_000 * MS); // the 30 s confirmation goes out
        rig.runUntil(35_000 * MS); // lost 3 times, 1 s each

        assertThat(rig.log).anyMatch(line -> line.contains("mtu 1472 -> 548") && line.contains("black hole"));
        rig.runUntil(120_000 * MS);
        assertThat(rig.discovery.state()).isEqualTo(PmtuState.SEARCH_COMPLETE);
        assertThat(rig.discovery.mtu()).isLessThanOrEqualTo(1300).isGreaterThan(1300 - 16);
    }

    @Test
    void aLostConfirmationIsRetriedBeforeItCountsAsABlackHole() {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, ETHERNET_V4, ETHERNET_V4);
        rig.runUntil(30_100 * MS);
        rig.cut = true; // the confirmation at ~30.2 s is lost twice...
        rig.runUntil(32_100 * MS);
        rig.cut = false; // ...and answered the third time
        rig.runUntil(60_000 * MS);
        assertThat(rig.discovery.mtu()).isEqualTo(1472);
        assertThat(rig.log).noneMatch(line -> line.contains("black hole"));
    }

    @Test
    void noFloorGetsThroughIsErrorAtTheFloorRetriedEveryInterval() {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, ETHERNET_V4, ETHERNET_V4);
        rig.cut = true;
        rig.runUntil(5_000 * MS);
        assertThat(rig.discovery.state()).isEqualTo(PmtuState.ERROR);
        assertThat(rig.discovery.mtu()).isEqualTo(548);
        assertThat(rig.discovery.validated()).isFalse();
        rig.cut = false;
        rig.runUntil(40_000 * MS);
        assertThat(rig.discovery.mtu()).isEqualTo(1472);
    }

    @Test
    void restartGoesBackToTheFloorAndFindsTheMtuAgain() {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, ETHERNET_V4, 1400);
        rig.runUntil(60_000 * MS);
        int found = rig.discovery.mtu();
        rig.pathMtu = ETHERNET_V4;
        rig.restart("host 2 joined");
        assertThat(rig.discovery.mtu()).isEqualTo(548);
        assertThat(rig.discovery.state()).isEqualTo(PmtuState.BASE);
        rig.runUntil(61_000 * MS);
        assertThat(rig.discovery.mtu()).isEqualTo(1472).isGreaterThan(found);
    }

    @Test
    void theRaiseIntervalLooksUpwardAgain() {
        PmtuSettings quickRaise = new PmtuSettings(Duration.ofSeconds(30), 0, Duration.ofSeconds(1), 3, 16,
                Duration.ofSeconds(60));
        PmtuRig rig = new PmtuRig(quickRaise, false, ETHERNET_V4, 1400);
        rig.runUntil(30_000 * MS);
        assertThat(rig.discovery.mtu()).isLessThanOrEqualTo(1400);
        rig.pathMtu = ETHERNET_V4;
        rig.runUntil(200_000 * MS);
        assertThat(rig.discovery.mtu()).isEqualTo(1472);
    }

    @Test
    void aFixedMtuDisablesDiscovery() {
        PmtuRig rig = new PmtuRig(new PmtuSettings(Duration.ofSeconds(30), 1400), false, ETHERNET_V4, ETHERNET_V4);
        rig.runUntil(120_000 * MS);
        rig.restart("link up");
        assertThat(rig.discovery.state()).isEqualTo(PmtuState.FIXED);
        assertThat(rig.discovery.mtu()).isEqualTo(1400 - 28);
        assertThat(rig.probeSizes).isEmpty();
        assertThat(rig.log).isEmpty();
    }

    @Test
    void aFixedMtuBelowTheFloorIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new PmtuDiscovery(new PmtuSettings(Duration.ofSeconds(30), 500), false, 1472, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("knet_mtu 500");
        assertThatThrownBy(() -> new PmtuDiscovery(PmtuSettings.DEFAULTS, true, 1000, 0))
                .hasMessageContaining("ceiling 1000").hasMessageContaining("IPv6");
    }

    @Test
    void theMtuIsNeverBelowTheFloor() {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, ETHERNET_V4, 400); // a broken path
        rig.runUntil(300_000 * MS);
        assertThat(rig.discovery.mtu()).isEqualTo(548);
        rig.discovery.onTooBig(rig.now(), 300, rig);
        assertThat(rig.discovery.mtu()).isEqualTo(548);
    }

    @Test
    void emsgsizeForDataAtTheMtuLowersItAtOnce() {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, ETHERNET_V4, ETHERNET_V4);
        rig.runUntil(1000 * MS);
        rig.kernelMtu = 1400;
        rig.pathMtu = 1400;
        rig.discovery.onTooBig(rig.now(), 1472, rig);
        assertThat(rig.discovery.mtu()).isLessThan(1472);
        rig.runUntil(60_000 * MS);
        assertThat(rig.discovery.mtu()).isLessThanOrEqualTo(1400).isGreaterThan(1400 - 16);
    }
}
