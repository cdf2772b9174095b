package org.quorate.qdevice.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.lab.Await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QDEVICE_TEST_QNETD_PORT", Integer.toString(closedPort()));
        builder.environment().put("QUORATE_QDEVICE_RUN_DIR", dir.toString());
        Process p = builder.start();
        p.getOutputStream().close();
        try {
            Await.until("qdevice started", Duration.ofSeconds(30), Duration.ofMillis(50), () -> read(log),
                    l -> l.contains("QDevice started") || l.contains("QDevice stopped"), l -> l);
            assertThat(read(log)).contains("QDevice started");
            assertThat(lock).exists();
            assertThat(socket).exists();
            for (int i = 0; i < times; i++) {
                new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("qdevice exits after SIG%s", signal).isTrue();
            assertThat(p.exitValue()).as("exit status after SIG%s; log:%n%s", signal, read(log)).isZero();
            assertThat(lock).doesNotExist();
            assertThat(socket).doesNotExist();
            assertThat(read(log)).contains("Stopping (SIG" + signal + ")", "QDevice stopped");
        } finally {
            p.destroyForcibly();
            System.out.println("== qdevice log (" + log + ")\n" + read(log));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
