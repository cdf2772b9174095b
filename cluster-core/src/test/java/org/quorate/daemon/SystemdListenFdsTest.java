package org.quorate.daemon;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** sd_listen_fds(3)'s rules for whose sockets LISTEN_FDS names. */
class SystemdListenFdsTest {
    @Test
    void socketsPassedToThisPidAreOurs() {
        assertThat(SystemdListenFds.parse(Map.of("LISTEN_PID", "4711", "LISTEN_FDS", "1",
                "LISTEN_FDNAMES", "corosync-qnetd.socket"), 4711))
                .contains(new SystemdListenFds.Passed(1, "corosync-qnetd.socket"));
    }

    @Test
    void socketsPassedToAnotherPidAreNot() {
        // e.g. inherited from a parent that was socket-activated itself
        assertThat(SystemdListenFds.parse(Map.of("LISTEN_PID", "4711", "LISTEN_FDS", "1"), 4712)).isEmpty();
    }

    @Test
    void missingZeroOrBadValuesMeanNoSockets() {
        assertThat(SystemdListenFds.parse(Map.of(), 1)).isEmpty();
        assertThat(SystemdListenFds.parse(Map.of("LISTEN_FDS", "1"), 1)).isEmpty();
        assertThat(SystemdListenFds.parse(Map.of("LISTEN_PID", "1", "LISTEN_FDS", "0"), 1)).isEmpty();
        assertThat(SystemdListenFds.parse(Map.of("LISTEN_PID", "x", "LISTEN_FDS", "1"), 1)).isEmpty();
    }
}
