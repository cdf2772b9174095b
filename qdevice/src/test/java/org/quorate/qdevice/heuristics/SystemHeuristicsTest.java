package org.quorate.qdevice.heuristics;

import io.netty.util.concurrent.DefaultEventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.qdevice.backend.HeuristicsMode;
import org.quorate.qdevice.backend.HeuristicsSettings;
import org.quorate.time.EventLoopScheduler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real processes on a real event loop; time bounds are generous because CI machines are slow. */
class SystemHeuristicsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final DefaultEventExecutor eventLoop = new DefaultEventExecutor();
    private final EventLoopScheduler loop = new EventLoopScheduler(eventLoop);
    private final List<HeuristicsExecutor> executors = new ArrayList<>();
    /** Unique per test, so that our sleeps are told apart from anybody else's. */
    private final String marker = "987." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    @AfterEach
    void tearDown() throws Exception {
        executors.forEach(HeuristicsExecutor::close);
        try {
            await().atMost(PATIENCE).until(() -> running(c -> c.contains(marker)).isEmpty());
        } finally {
            // never leave our processes behind, even when the executor failed to kill them
            for (long pid : running(c -> c.contains(marker))) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private HeuristicsExecutor executor(boolean execvp, long timeoutMs, Map<String, String> execs) {
        HeuristicsSettings settings = new HeuristicsSettings(HeuristicsMode.ON, timeoutMs, timeoutMs, 30000,
                new TreeMap<>(execs));
        HeuristicsExecutor e = HeuristicsExecutor.create(loop, new HeuristicsLimits(execvp, 160, 300), settings);
        executors.add(e);
        return e;
    }

    private static HeuristicsOutcome run(HeuristicsExecutor executor) throws Exception {
        CompletableFuture<HeuristicsOutcome> outcome = new CompletableFuture<>();
        executor.runRegular(false, outcome::complete);
        return outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private int liveProcesses(HeuristicsExecutor executor) throws Exception {
        return eventLoop.submit(executor::liveProcesses).get();
    }

    @Test
    void commandsThatExitZeroPassAndStdinIsDevNull() throws Exception {
        // cat would wait forever on an open pipe; /dev/null gives it end-of-file at once
        HeuristicsExecutor e = executor(false, 10_000, Map.of("true", "/bin/true", "cat", "/bin/cat"));

        assertThat(run(e).result()).isEqualTo(HeuristicsResult.PASS);
        assertThat(liveProcesses(e)).isZero();
    }

    @Test
    void nonZeroExitFails() throws Exception {
        HeuristicsOutcome outcome = run(executor(false, 10_000, Map.of("true", "/bin/true", "false", "/bin/false")));

        assertThat(outcome.result()).isEqualTo(HeuristicsResult.FAIL);
        assertThat(outcome.problems()).containsExactly("quorum.device.heuristics.exec_false exited with status 1");
    }

    @Test
    void missingProgramFailsWithAWarningNamingKeyAndPath() throws Exception {
        HeuristicsExecutor e = executor(false, 10_000, Map.of("gone", "/nonexistent/quorate-" + marker + " x"));
        try (LogCapture log = new LogCapture(HeuristicsExecutor.class)) {
            assertThat(run(e).result()).isEqualTo(HeuristicsResult.FAIL);
            assertThat(log.warnings()).singleElement().asString()
                    .contains("quorum.device.heuristics.exec_gone", "'/nonexistent/quorate-" + marker + "'");
        }
    }

    @Test
    void relativePathNeedsExecvp() throws Exception {
        assertThat(run(executor(false, 10_000, Map.of("t", "true"))).result()).isEqualTo(HeuristicsResult.FAIL);
        assertThat(run(executor(true, 10_000, Map.of("t", "true"))).result()).isEqualTo(HeuristicsResult.PASS);
    }

    @Test
    void slowCommandIsKilledAtTheTimeoutWithAllItsChildren() throws Exception {
        HeuristicsExecutor e = executor(false, 1500,
                Map.of("slow", "/bin/sh -c \"sleep " + marker + " & sleep " + marker + "; wait\""));
        CompletableFuture<HeuristicsOutcome> outcome = new CompletableFuture<>();
        e.runRegular(false, outcome::complete);

        await().atMost(PATIENCE).until(() -> sleeps().size() == 2);
        assertThat(outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).problems())
                .containsExactly("quorum.device.heuristics.exec_slow did not finish within 1500 ms");
        await().atMost(PATIENCE).until(() -> sleeps().isEmpty());
        await().atMost(PATIENCE).until(() -> liveProcesses(e) == 0);
    }

    @Test
    void treeThatIgnoresSigtermIsSigkilled() throws Exception {
        // "trap '' TERM" is inherited by the sleeps, so only SIGKILL ends them
        HeuristicsExecutor e = executor(false, 1000, Map.of("stubborn",
                "/bin/sh -c \"trap \\\"\\\" TERM; sleep " + marker + " & sleep " + marker + "; wait\""));

        CompletableFuture<HeuristicsOutcome> outcome = new CompletableFuture<>();
        e.runRegular(false, outcome::complete);
        await().atMost(PATIENCE).until(() -> sleeps().size() == 2);
        assertThat(outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).result()).isEqualTo(HeuristicsResult.FAIL);

        await().atMost(PATIENCE).until(() -> sleeps().isEmpty());
        await().atMost(PATIENCE).until(() -> liveProcesses(e) == 0);
    }

    @Test
    void floodOfOutputDoesNotBlockTheCommand() throws Exception {
        HeuristicsExecutor e = executor(false, 15_000, Map.of(
                "out", "/bin/sh -c \"head -c 50000000 /dev/zero\"",
                "err", "/bin/sh -c \"head -c 50000000 /dev/zero >&2\""));

        assertThat(run(e).result()).isEqualTo(HeuristicsResult.PASS);
    }

    /** Our {@code sleep} processes, not the shell that started them. */
    private List<Long> sleeps() throws IOException {
        return running(c -> c.startsWith("sleep " + marker));
    }

    /** Processes (not zombies) whose command line, arguments joined by spaces, matches. */
    private static List<Long> running(Predicate<String> cmdline) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> cmdline.test(cmdline(p)))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(pid -> ProcessHandle.of(pid).map(SystemProcess::running).orElse(false))
                    .toList();
        }
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // the process ended while we looked
        }
    }
}
