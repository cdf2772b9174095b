package org.quorate.link.pmtud;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorate.link.pmtud.PmtuRig.MS;

/** Whatever the path and the interface: the search ends, within the resolution, never above the path. */
class PmtuDiscoveryProperties {

    @Property(tries = 300)
    void theSearchEndsWithinTheResolutionAndNeverOverstatesThePath(@ForAll @IntRange(min = 548, max = 9000) int ceiling,
                                                                    @ForAll @IntRange(min = 548, max = 9000) int path,
                                                                    @ForAll boolean kernelKnows) {
        PmtuRig rig = new PmtuRig(PmtuSettings.DEFAULTS, false, ceiling, path);
        if (kernelKnows) {
            rig.kernelMtu = Math.min(ceiling, path); // the route's MTU is known locally: EMSGSIZE, no timeouts
        }
        rig.runUntil(120_000 * MS);

        int expected = Math.min(ceiling, path);
        assertThat(rig.discovery.state()).isEqualTo(PmtuState.SEARCH_COMPLETE);
        assertThat(rig.discovery.mtu()).isLessThanOrEqualTo(expected).isGreaterThan(expected - 16)
                .isGreaterThanOrEqualTo(548);
        assertThat(rig.mtuValues).allMatch(v -> v <= expected && v >= 548);
    }
}
