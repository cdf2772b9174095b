package org.quorate.testsupport.process;

import org.quorate.testsupport.lab.Await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A daemon (qnetd, qdevice) run in the foreground as a real child process, stdout and stderr in one log file:
 * the start, signals and log reading the daemons' SIGTERM/SIGINT tests share. {@link #close()} kills what is
 * left, so a failing test leaves no daemon behind.
 */
public final class ChildDaemon implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildDaemon(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code argv} with {@code env} added to this JVM's environment; stdin is closed at once. */
    public static ChildDaemon start(List<String> argv, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        return new ChildDaemon(p, log);
    }

    /** Sends {@code SIG<signal>} ({@code TERM}, {@code INT}, ...) {@code times} times with kill(1), as systemd would. */
    public void signal(String signal, int times) throws IOException, InterruptedException {
        for (int i = 0; i < times; i++) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        }
    }

    /** True when the daemon exited within {@code timeout}. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    public String log() {
        return readLog(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** The log so far, "(no log yet)" before the daemon wrote one; never throws, as it is read in failure messages. */
    public static String readLog(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log yet)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * Waits up to 30 s until {@code log} holds {@code started} or {@code stopped} (a daemon that gave up), and
     * returns it; failing with the log when neither comes.
     */
    public static String awaitStartedOrStopped(String what, Path log, String started, String stopped) {
        return Await.until(what, Duration.ofSeconds(30), Duration.ofMillis(50), () -> readLog(log),
                l -> l.contains(started) || l.contains(stopped), l -> l);
    }

    /** A port nothing listens on just now (the kernel's choice of a free one). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
