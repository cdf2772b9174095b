package org.quorate.qnetd.config;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real Debian corosync-qnetd with command lines that make it exit before it starts, and
 * checks that Quorate prints the same texts and exits with the same status.
 */
@Tag("realstack")
class QnetdCommandLineDifferentialTest {
    private static final Path C_QNETD = Path.of("/usr/bin/corosync-qnetd");

    @ParameterizedTest
    @ValueSource(strings = {"-h", "-x", "-p", "-p 0", "-p 70000", "-s maybe", "-S foo=1", "-S listen_backlog=0",
            "-m x", "-c maybe", "-S dpd_interval=3 -h", "-fd -h", "-S max_client_send_buffers=1", "-h -x", "-x -h"})
    void sameOutputAndStatusAsTheCDaemon(String line) throws Exception {
        assertThat(Files.isExecutable(C_QNETD)).as("the Debian package corosync-qnetd must be installed").isTrue();
        String[] args = line.split(" ");
        // argv[0] is what glibc getopt prints, so start it by name as systemd and users do.
        List<String> cmd = new ArrayList<>(List.of("corosync-qnetd"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("corosync-qnetd %s exits", line).isTrue();
        String out = read(p.getInputStream().readAllBytes());
        String err = read(p.getErrorStream().readAllBytes());

        QnetdCommandLine.Outcome ours = QnetdCommandLine.parse(args, QnetdSettings.defaults());
        assertThat(ours).isInstanceOf(QnetdCommandLine.Exit.class);
        QnetdCommandLine.Exit exit = (QnetdCommandLine.Exit) ours;
        assertThat(exit.status()).isEqualTo(p.exitValue());
        assertThat(exit.stdout()).isEqualTo(out);
        assertThat(exit.stderr()).isEqualTo(err);
    }

    private static String read(byte[] bytes) throws IOException {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
