package org.quorate.qdevice.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quorate.cluster.cmap.CmapKeys;

class ConfigChangeBatcherTest {
    private final ConfigChangeBatcher batcher = new ConfigChangeBatcher();

    @Test
    void trackedKeysComeOutAtOnceOutsideAReload() {
        assertThat(batcher.onChange("nodelist.node.2.nodeid", "3")).hasValue(Set.of("nodelist.node.2.nodeid"));
        assertThat(batcher.onChange("quorum.device.heuristics.mode", null))
                .hasValue(Set.of("quorum.device.heuristics.mode"));
    }

    @Test
    void untrackedKeysAreIgnored() {
        assertThat(batcher.onChange("runtime.totem.pg.mrp.srp.members.1.ip", "x")).isEmpty();
        assertThat(batcher.onChange("totem.token", "3000")).isEmpty();
    }

    @Test
    void changesDuringAReloadComeOutTogetherWhenItEnds() {
        assertThat(batcher.onChange(CmapKeys.CONFIG_RELOAD_IN_PROGRESS, "1")).isEmpty();
        assertThat(batcher.reloading()).isTrue();
        assertThat(batcher.onChange("nodelist.node.2.nodeid", "3")).isEmpty();
        assertThat(batcher.onChange("totem.config_version", "8")).isEmpty();
        assertThat(batcher.onChange("nodelist.node.2.nodeid", "3")).isEmpty();

        assertThat(batcher.onChange(CmapKeys.CONFIG_RELOAD_IN_PROGRESS, "0"))
                .hasValue(Set.of("nodelist.node.2.nodeid", "totem.config_version"));
        assertThat(batcher.reloading()).isFalse();
        assertThat(batcher.onChange(CmapKeys.CONFIG_RELOAD_IN_PROGRESS, "0")).isEmpty();
    }
}
