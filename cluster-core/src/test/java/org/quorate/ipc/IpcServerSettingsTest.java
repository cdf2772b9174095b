package org.quorate.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IpcServerSettingsTest {
    @Test
    void defaultsAreTheCDaemonsOnes() {
        IpcServerSettings s = IpcServerSettings.defaults(Path.of("/run/x.sock"), 65536);
        assertThat(s.backlog()).isEqualTo(10);
        assertThat(s.maxClients()).isEqualTo(10);
        assertThat(s.maxReceiveSize()).isEqualTo(4096);
        assertThat(s.maxSendSize()).isEqualTo(65536);
        assertThat(s.socketUmask()).isNull();
        assertThat(s.socketGroup()).isNull();
    }

    @Test
    void rangesAreCheckedWithTheSettingName() {
        IpcServerSettings s = IpcServerSettings.defaults(Path.of("/run/x.sock"), 65536);
        assertThatThrownBy(() -> s.withLimits(10, 1023, 4096)).hasMessageContaining("ipc_max_receive_size");
        assertThatThrownBy(() -> s.withLimits(-1, 4096, 4096)).hasMessageContaining("ipc_max_clients");
        assertThatThrownBy(() -> s.withPermissions(01000, null)).hasMessageContaining("local_socket_umask");
        assertThatThrownBy(() -> s.withSocketFile(Path.of(""))).hasMessageContaining("local_socket_file");
    }

    @Test
    void groupMinusOneOrEmptyMeansLeaveAlone() {
        IpcServerSettings s = IpcServerSettings.defaults(Path.of("/run/x.sock"), 65536);
        assertThat(s.withPermissions(null, "-1").socketGroup()).isNull();
        assertThat(s.withPermissions(null, "").socketGroup()).isNull();
        assertThat(s.withPermissions(null, "haclient").socketGroup()).isEqualTo("haclient");
    }
}
