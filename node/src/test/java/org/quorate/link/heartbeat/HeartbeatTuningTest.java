package org.quorate.link.heartbeat;

import org.junit.jupiter.api.Test;
import org.quorate.link.pmtud.PmtuSettings;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeartbeatTuningTest {

    @Test
    void theFirstApiConstructorsKeepWorkingWithTheDefaultsForTheNewFields() {
        assertThat(new HeartbeatTuning(Duration.ofMillis(200))).isEqualTo(HeartbeatTuning.DEFAULTS);
        assertThat(new PmtuSettings(Duration.ofSeconds(30), 0)).isEqualTo(PmtuSettings.DEFAULTS);
        assertThat(HeartbeatTuning.corosyncPlain().suspicionProbes()).isFalse();
        assertThat(HeartbeatTuning.corosyncPlain().withSuspicionProbes(true)).isEqualTo(HeartbeatTuning.DEFAULTS);
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> HeartbeatTuning.DEFAULTS.withTick(Duration.ZERO)).hasMessageContaining("heartbeat tick");
        assertThatThrownBy(() -> new HeartbeatTuning(Duration.ofMillis(200), true, 4, 0, Duration.ofMillis(50), 2, 3, 0.05))
                .hasMessageContaining("probesPerRound");
        assertThatThrownBy(() -> new HeartbeatTuning(Duration.ofMillis(200), true, 4, 2, Duration.ofMillis(50), 2, 3, 0))
                .hasMessageContaining("lossSmoothing");
        assertThatThrownBy(() -> new PmtuSettings(Duration.ofSeconds(30), 70000)).hasMessageContaining("knet_mtu");
        assertThatThrownBy(() -> new PmtuSettings(Duration.ZERO, 0)).hasMessageContaining("knet_pmtud_interval");
    }
}
