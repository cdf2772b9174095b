package org.quorate.qnetd.daemon;

import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.lab.Await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line and files of a qnetd run as a real child process: TLS off, lock file and local socket
 * under a temporary run directory, output in a log file the test prints when it fails.
 */
final class QnetdChild {
    final Path runDir;
    final Path lockFile;
    final Path socketFile;
    final Path log;

    QnetdChild(Path dir) throws IOException {
        this.runDir = Files.createDirectories(dir.resolve("run"));
        this.lockFile = runDir.resolve("corosync-qnetd.pid");
        this.socketFile = runDir.resolve("corosync-qnetd.sock");
        this.log = dir.resolve("qnetd.log");
    }

    /** {@code java ... QnetdMain -f -s off <extra>}, with the run directory's files. */
    List<String> argv(String... extra) {
        return argvWithJvmOption("-Xmx128m", extra);
    }

    /** As {@link #argv} with one more JVM option, e.g. a system property. */
    List<String> argvWithJvmOption(String jvmOption, String... extra) {
        List<String> argv = new ArrayList<>(JavaCommand.of(QnetdMain.class.getName(), "-Xmx128m", jvmOption));
        argv.addAll(List.of("-f", "-s", "off"));
        argv.addAll(List.of(extra));
        return argv;
    }

    Map<String, String> env() {
        return Map.of("QUORATE_RUN_DIR", runDir.toString(), "QUORATE_COROSYNC_CONF_DIR", runDir.resolve("etc").toString());
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log yet)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Waits for the log line of a started daemon; fails with the log when it stops or is late. */
    void awaitReady() {
        Await.until("qnetd ready", Duration.ofSeconds(30), Duration.ofMillis(50), this::log,
                l -> l.contains("QNetd ready") || l.contains("QNetd stopped"), l -> l);
        if (!log().contains("QNetd ready")) {
            throw new AssertionError("qnetd did not start:\n" + log());
        }
    }
}
