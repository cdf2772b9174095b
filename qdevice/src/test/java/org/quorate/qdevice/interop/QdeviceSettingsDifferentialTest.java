package org.quorate.qdevice.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.DaemonProcess;
import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.lab.RealStack;
import org.quorate.testsupport.lab.TlsMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The C corosync-qdevice 3.0.3 and Quorate's, on real corosync 3.1.7 in a network namespace, with the same
 * {@code -S} lines and the same out-of-bounds {@code quorum.device.*} values: both must end the same way (exit
 * status, or still running) and log the same warnings and errors (level and text; timestamps aside).
 * Each case prints both outputs.
 */
@Tag("realstack")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class QdeviceSettingsDifferentialTest {
    /** "Mon dd hh:mm:ss level   message", the layout of both daemons in the foreground. */
    private static final Pattern LINE = Pattern.compile("^[A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d (\\w+)\\s+(.*)$");
    private static final Duration C_SETTLE = Duration.ofSeconds(4);
    private static final Duration QUORATE_START_LIMIT = Duration.ofSeconds(90);

    private static RealStack stack;
    private static LabCluster cluster;
    private static String baseConf;

    /** One run: a name, the -S arguments and how corosync.conf differs from the lab's. */
    record Case(String name, List<String> dashS, UnaryOperator<String> conf) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * How one daemon ended: its exit status, or null when it was still running (then stopped by us);
     * {@code significant} are its warning and error lines up to then, {@code output} its whole log.
     */
    record Outcome(Integer exitStatus, List<String> significant, String output) {
        String ending() {
            return exitStatus == null ? "running" : "exit " + exitStatus;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("defaults", List.of(), c -> c),
                new Case("timeout below net_heartbeat_interval_min", List.of(), device("timeout: 1000")),
                new Case("-S net_heartbeat_interval_min above 0.8 x timeout", List.of("-S", "net_heartbeat_interval_min=3000"),
                        device("timeout: 3000")),
                new Case("-S net_heartbeat_interval_max below 0.8 x timeout", List.of("-S", "net_heartbeat_interval_max=5000"),
                        c -> c),
                new Case("connect_timeout below net_min_connect_timeout", List.of(), net("connect_timeout: 500")),
                new Case("-S net_max_connect_timeout below connect_timeout", List.of("-S", "net_max_connect_timeout=5000"),
                        net("connect_timeout: 6000")),
                new Case("heuristics.timeout below heuristics_min_timeout", List.of(),
                        heuristics("mode: on", "timeout: 100", "exec_a: /bin/true")),
                new Case("heuristics.sync_timeout above heuristics_max_timeout", List.of(),
                        heuristics("mode: on", "sync_timeout: 200000", "exec_a: /bin/true")),
                new Case("heuristics.interval below heuristics_min_interval", List.of(),
                        heuristics("mode: sync", "interval: 500", "exec_a: /bin/true")),
                new Case("-S heuristics_max_timeout below heuristics.timeout", List.of("-S", "heuristics_max_timeout=3000"),
                        heuristics("mode: on", "timeout: 4000", "exec_a: /bin/true")),
                new Case("-S heuristics_max_execs below the exec count", List.of("-S", "heuristics_max_execs=1"),
                        heuristics("mode: on", "exec_a: /bin/true", "exec_b: /bin/true")),
                new Case("algorithm test, not enabled", List.of(), c -> c.replace("algorithm: ffsplit", "algorithm: test")),
                new Case("algorithm test, -S net_test_algorithm_enabled=on", List.of("-S", "net_test_algorithm_enabled=on"),
                        c -> c.replace("algorithm: ffsplit", "algorithm: test")),
                new Case("settings Quorate accepts and ignores", List.of("-S", "net_initial_msg_send_size=1024,"
                        + "net_max_send_buffers=5,net_nss_client_cert_nickname=Other,heuristics_ipc_max_send_buffers=20,"
                        + "heuristics_ipc_max_send_receive_size=2048"), c -> c));
    }

    @BeforeAll
    static void openLab() {
        stack = RealStack.open("qdsettings");
        stack.startQnetd(TlsMode.OFF);
        cluster = stack.createCluster(ClusterSpec.builder(1, 2).tls(TlsMode.OFF).build());
        baseConf = read(cluster.corosyncConf(1));
    }

    @AfterAll
    static void closeLab() {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothDaemonsEndTheSameWayWithTheSameMessages(Case c) {
        String conf = c.conf().apply(baseConf);
        write(cluster.corosyncConf(1), conf);
        DaemonProcess corosync = cluster.startCorosync(1);
        try {
            cluster.awaitCorosyncIpc(1, Duration.ofSeconds(60));
            List<String> cArgv = new ArrayList<>(List.of("corosync-qdevice", "-f"));
            cArgv.addAll(c.dashS());
            Outcome theirs = run("qdevice-c", cArgv, d -> settled(d, C_SETTLE));
            List<String> ourArgv = JavaCommand.of("org.quorate.qdevice.daemon.QdeviceMain");
            ourArgv.add("-f");
            ourArgv.addAll(c.dashS());
            Outcome ours = run("qdevice-quorate", ourArgv, d -> startedOrExited(d));

            System.out.println("=== case: " + c.name() + "  (arguments: -f " + String.join(" ", c.dashS()) + ")\n"
                    + "--- C corosync-qdevice: " + theirs.ending() + "\n" + theirs.output()
                    + "--- Quorate corosync-qdevice: " + ours.ending() + "\n" + ours.output());

            assertThat(ours.ending()).as("%s: how the daemon ended", c.name()).isEqualTo(theirs.ending());
            assertThat(errors(ours)).as("%s: error lines", c.name()).isEqualTo(errors(theirs));
            assertThat(ours.significant()).as("%s: every C warning is Quorate's too", c.name())
                    .containsAll(theirs.significant());
        } finally {
            stack.lab().kill(corosync, "TERM", Duration.ofSeconds(20));
        }
    }

    private static List<String> errors(Outcome o) {
        return o.significant().stream().filter(l -> l.startsWith("error ") || l.startsWith("crit ")).toList();
    }

    /** Starts the daemon, waits as {@code until} says, stops it if it still runs; its log is the output. */
    private static Outcome run(String name, List<String> argv, java.util.function.Consumer<DaemonProcess> until) {
        DaemonProcess d = stack.lab().start(cluster.host(1), name, argv);
        until.accept(d);
        Integer status = null;
        // Compared: what the daemon logged on its own, before we stop it (its shutdown is not under test here).
        String beforeStop = thisRun(d);
        if (d.isAlive()) {
            stack.lab().kill(d, "TERM", Duration.ofSeconds(20));
        } else {
            status = d.process().exitValue();
            beforeStop = thisRun(d);
        }
        String output = thisRun(d);
        List<String> significant = new ArrayList<>();
        for (String line : beforeStop.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(1).matches("warning|error|crit")) {
                significant.add(m.group(1) + " " + m.group(2));
            }
        }
        return new Outcome(status, significant, output);
    }

    /** The C daemon starts in milliseconds: it has read everything after a few seconds or it has exited. */
    private static void settled(DaemonProcess d, Duration wait) {
        waitFor(d, wait);
    }

    /** Quorate's is past its configuration once it logs "QDevice started"; the JVM start varies with load. */
    private static void startedOrExited(DaemonProcess d) {
        Instant deadline = Instant.now().plus(QUORATE_START_LIMIT);
        while (d.isAlive() && Instant.now().isBefore(deadline)) {
            if (thisRun(d).contains("QDevice started")) {
                waitFor(d, Duration.ofSeconds(2)); // the warnings after start (none expected) get a moment
                return;
            }
            waitFor(d, Duration.ofMillis(200));
        }
    }

    /** This run's part of the daemon's log: the lab appends to one file per name, with a "=== ... start:" header. */
    private static String thisRun(DaemonProcess d) {
        String log = read(d.log());
        String run = log.substring(Math.max(0, log.lastIndexOf("=== ")));
        return run.substring(run.indexOf('\n') + 1);
    }

    private static void waitFor(DaemonProcess d, Duration wait) {
        try {
            d.process().waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static UnaryOperator<String> device(String line) {
        return c -> insertAfter(c, "    model: net\n", "    " + line + "\n");
    }

    private static UnaryOperator<String> net(String line) {
        return c -> insertAfter(c, "    net {\n", "      " + line + "\n");
    }

    private static UnaryOperator<String> heuristics(String... lines) {
        StringBuilder block = new StringBuilder("    heuristics {\n");
        for (String l : lines) {
            block.append("      ").append(l).append('\n');
        }
        return c -> insertAfter(c, "    model: net\n", block.append("    }\n").toString());
    }

    private static String insertAfter(String conf, String anchor, String text) {
        int at = conf.indexOf(anchor);
        if (at < 0) {
            throw new IllegalStateException("no '" + anchor.trim() + "' in the lab's corosync.conf:\n" + conf);
        }
        return conf.substring(0, at + anchor.length()) + text + conf.substring(at + anchor.length());
    }

    private static void write(java.nio.file.Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
