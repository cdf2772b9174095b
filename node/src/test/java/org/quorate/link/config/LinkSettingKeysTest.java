package org.quorate.link.config;

import org.junit.jupiter.api.Test;
import org.quorate.config.Setting;
import org.quorate.config.Settings;
import org.quorate.config.SettingsException;
import org.quorate.link.transport.UdpSocketOptions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkSettingKeysTest {
    @Test
    void theDefaultsAreTheRecordsDefaults() {
        LinkTuning t = LinkTuning.from(LinkSettingKeys.defaults());
        assertThat(t.heartbeat().tick()).isEqualTo(LinkTuning.DEFAULTS.heartbeat().tick());
        assertThat(t.pmtu()).isEqualTo(LinkTuning.DEFAULTS.pmtu());
        assertThat(t.reassembly()).isEqualTo(LinkTuning.DEFAULTS.reassembly());
        assertThat(t.maxQueuedBytesPerHost()).isEqualTo(LinkTuning.DEFAULTS.maxQueuedBytesPerHost());
        assertThat(t.aead()).isEqualTo(LinkAead.AES_GCM);
        assertThat(LinkSettingKeys.socketOptions(LinkSettingKeys.defaults())).isEqualTo(UdpSocketOptions.DEFAULTS);
    }

    @Test
    void everySettingIsDocumentedAndNamedOnce() {
        assertThat(LinkSettingKeys.SCHEMA.settings()).extracting(Setting::name)
                .doesNotHaveDuplicates()
                .contains("heartbeat_tick", "pmtud_interval", "reassembly_max_messages", "reassembly_max_bytes",
                        "reassembly_timeout", "max_queued_bytes_per_host", "aead", "socket_receive_buffer",
                        "socket_send_buffer", "socket_write_queue");
        assertThat(LinkSettingKeys.SCHEMA.settings()).allSatisfy(s -> assertThat(s.doc()).isNotBlank());
    }

    @Test
    void valuesOutOfRangeAndUnknownNamesAreRefusedByName() {
        assertThatThrownBy(() -> LinkSettingKeys.SCHEMA.newSettings().applyAll("heartbeat_tick=5"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("heartbeat_tick");
        assertThatThrownBy(() -> LinkSettingKeys.SCHEMA.newSettings().applyAll("aead=aes-cbc"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("aead");
        assertThatThrownBy(() -> LinkSettingKeys.SCHEMA.newSettings().applyAll("reassembly_max_bytes=1000"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("reassembly_max_bytes");
        assertThatThrownBy(() -> LinkSettingKeys.SCHEMA.newSettings().applyAll("tick=100"))
                .isInstanceOf(SettingsException.class).hasMessage("Unknown option 'tick'");
    }

    @Test
    void socketOptionsFollowTheirSettings() throws Exception {
        Settings.Builder b = LinkSettingKeys.SCHEMA.newSettings();
        b.applyAll("socket_receive_buffer=131072,socket_send_buffer=262144,socket_write_queue=100000");
        UdpSocketOptions o = LinkSettingKeys.socketOptions(b.build());
        assertThat(o.receiveBufferBytes()).isEqualTo(131072);
        assertThat(o.sendBufferBytes()).isEqualTo(262144);
        assertThat(o.writeHighWaterMark()).isEqualTo(100000);
        assertThat(o.writeLowWaterMark()).isEqualTo(50000);
        assertThat(LinkTuning.from(b.build()).reassembly().timeout()).isEqualTo(Duration.ofSeconds(2));
    }
}
