package org.quorate.qdevice.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.process.ChildDaemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #8: corosync-qdevice as a real child process stops cleanly on SIGTERM and SIGINT with exit status 0,
 * like the C daemon, so {@code systemctl stop} leaves the unit inactive rather than failed; lock file and local
 * socket are removed. The corosync side is the in-memory stand-in ({@link QdeviceWithoutCorosync}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class QdeviceStopSignalTest {
    @TempDir
    Path dir;

    @Test
    void sigtermIsACleanStopWithStatusZero() throws Exception {
        stopsCleanlyOn("TERM", 1);
    }

    @Test
    void sigintIsACleanStopWithStatusZero() throws Exception {
        stopsCleanlyOn("INT", 1);
    }

    @Test
    void repeatedSigtermsDuringTheStopDoNotChangeTheOutcome() throws Exception {
        stopsCleanlyOn("TERM", 3);
    }

    private void stopsCleanlyOn(String signal, int times) throws Exception {
        Path lock = dir.resolve("corosync-qdevice.pid");
        Path socket = dir.resolve("corosync-qdevice.sock");
        Path log = dir.resolve("qdevice.log");
        List<String> argv = new ArrayList<>(JavaCommand.of(QdeviceWithoutCorosync.class.getName(), "-Xmx96m"));
        argv.addAll(List.of("-f", "-d", "-S", "lock_file=" + lock + ",local_socket_file=" + socket));
        Map<String, String> env = Map.of("QDEVICE_TEST_QNETD_PORT", Integer.toString(ChildDaemon.freePort()),
                "QUORATE_QDEVICE_RUN_DIR", dir.toString());
        try (ChildDaemon qdevice = ChildDaemon.start(argv, env, log)) {
            try {
                ChildDaemon.awaitStartedOrStopped("qdevice started", log, "QDevice started", "QDevice stopped");
                assertThat(qdevice.log()).contains("QDevice started");
                assertThat(lock).exists();
                assertThat(socket).exists();
                qdevice.signal(signal, times);
                assertThat(qdevice.waitFor(Duration.ofSeconds(30))).as("qdevice exits after SIG%s", signal).isTrue();
                assertThat(qdevice.exitValue()).as("exit status after SIG%s; log:%n%s", signal, qdevice.log()).isZero();
                assertThat(lock).doesNotExist();
                assertThat(socket).doesNotExist();
                assertThat(qdevice.log()).contains("Stopping (SIG" + signal + ")", "QDevice stopped");
            } finally {
                System.out.println("== qdevice log (" + log + ")\n" + qdevice.log());
            }
        }
    }
}
