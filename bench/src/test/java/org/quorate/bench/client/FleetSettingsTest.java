package org.quorate.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FleetSettingsTest {

    @Test
    void defaultsAreTheCClientsHeartbeatAndConnectTimeout() {
        FleetSettings defaults = FleetSettings.defaults();
        assertThat(defaults.heartbeatMillis()).isEqualTo(8000);
        assertThat(defaults.connectTimeoutMillis()).isEqualTo(defaults.heartbeatMillis());
    }

    @Test
    void connectTimeoutMustBeWithinQdevicesLimits() {
        assertThatThrownBy(() -> new FleetSettings(true, 8000, 999, 4, 64, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connect timeout must be 1000..120000");
        assertThatThrownBy(() -> new FleetSettings(true, 8000, 120_001, 4, 64, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 120001");
        assertThat(new FleetSettings(true, 8000, 1000, 4, 64, 2).connectTimeoutMillis()).isEqualTo(1000);
    }

    @Test
    void heartbeatMustBeWithinQnetdsLimits() {
        assertThatThrownBy(() -> new FleetSettings(true, 999, 8000, 4, 64, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeat");
    }

    @Test
    void withTlsKeepsEverythingElse() {
        FleetSettings plain = new FleetSettings(true, 2000, 3000, 5, 16, 1).withTls(false);
        assertThat(plain).isEqualTo(new FleetSettings(false, 2000, 3000, 5, 16, 1));
    }
}
