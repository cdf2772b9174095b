package org.quorate.bench.server;

import org.quorate.testsupport.process.SocketHolder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A qnetd running as a child process (so its RSS and CPU are its own), started with the C daemon's
 * options: foreground, TLS on or off, a port, and nss_db_dir / lock_file / local_socket_file under the
 * run's work directory. Every start uses a fresh socket path so a killed predecessor's file is no
 * obstacle. Output goes to a log file per start.
 */
public final class QnetdProcess implements AutoCloseable {
    /** Servers still running when the generator exits (Ctrl-C, kill) must not outlive it. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "kill-qnetd-children"));
    }

    private final ServerKind kind;
    private final List<String> launcher;
    private final boolean tls;
    private final int port;
    private final Path nssDbDir;
    private final Path workDir;
    private final String extraAdvancedSettings;
    private Process process;
    private SocketHolder holder;
    private Path log;
    private long pid;
    private int starts;

    /**
     * @param launcher the program and any options before the qnetd options, e.g. {@code java -Xmx384m
     *                 -jar quorate-qnetd.jar} or {@code /usr/bin/corosync-qnetd}
     */
    /** @param extraAdvancedSettings appended to the -S list, e.g. {@code ",listen_backlog=1024"}, or empty */
    public QnetdProcess(ServerKind kind, List<String> launcher, boolean tls, int port, Path nssDbDir, Path workDir,
            String extraAdvancedSettings) {
        this.extraAdvancedSettings = extraAdvancedSettings;
        this.kind = kind;
        this.launcher = List.copyOf(launcher);
        this.tls = tls;
        this.port = port;
        this.nssDbDir = nssDbDir;
        this.workDir = workDir;
    }

    /**
     * Socket activation as {@code corosync-qnetd.socket} does it: a holder process binds {@code [::]:port} now,
     * with systemd's default backlog, and keeps it across kills and starts; each start gets it as fd 3.
     */
    public QnetdProcess withSocketHolder(int backlog) throws IOException {
        if (kind == ServerKind.C) {
            throw new IllegalArgumentException("the C corosync-qnetd has no socket activation");
        }
        holder = SocketHolder.listen("::", port, backlog);
        return this;
    }

    public boolean socketActivated() {
        return holder != null;
    }

    public ServerKind kind() {
        return kind;
    }

    public int port() {
        return port;
    }

    /** Starts the process; returns at once (use {@link #awaitListening}). */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(kind.displayName() + " is already running as pid " + process.pid());
        }
        starts++;
        Files.createDirectories(workDir);
        List<String> argv = new ArrayList<>(launcher);
        argv.addAll(List.of("-f", "-s", tls ? "on" : "off", "-p", Integer.toString(port), "-S",
                "nss_db_dir=" + nssDbDir + ",lock_file=" + workDir.resolve("qnetd.pid") + ",local_socket_file="
                        + workDir.resolve("qnetd-" + starts + ".sock") + extraAdvancedSettings));
        log = workDir.resolve("qnetd-" + starts + ".log");
        if (holder != null) {
            pid = holder.start(argv, java.util.Map.of(), log);
            return;
        }
        process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process started = process;
        LIVE.add(started);
        started.onExit().thenRun(() -> LIVE.remove(started));
        pid = started.pid();
    }

    public long pid() {
        return pid;
    }

    /** With the holder the port always accepts: the server serves once its log says it listens. */
    private void awaitServing(long deadline) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            if (holder.awaitExit(java.time.Duration.ZERO).isPresent()) {
                throw new IOException(kind.displayName() + " exited during start-up; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains("QNetd listening")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IOException(kind.displayName() + " did not serve the held socket in time; see " + log);
    }

    /** Polls the port until it accepts a TCP connection; fails when the process dies first. */
    public void awaitListening(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        if (holder != null) {
            awaitServing(deadline);
            return;
        }
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(kind.displayName() + " exited with status " + process.exitValue()
                        + " during start-up; see " + workDir.resolve("qnetd-" + starts + ".log"));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IOException(kind.displayName() + " did not listen on port " + port + " within " + timeoutMillis
                + " ms; see " + workDir.resolve("qnetd-" + starts + ".log"));
    }


    /** Starts, waits until it listens, lets it settle for a moment and stops it with SIGTERM. */
    public void startAndStop() throws IOException, InterruptedException {
        start();
        awaitListening(60_000);
        Thread.sleep(500);
        close();
    }

    /** SIGKILL, the crash a restart test wants: no goodbye to the clients, the kernel resets the sockets. */
    public void kill() throws InterruptedException, IOException {
        if (holder != null) {
            holder.signal("KILL");
            holder.awaitExit(java.time.Duration.ofSeconds(10));
            return;
        }
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (holder != null) {
            holder.signal("TERM");
            if (holder.awaitExit(java.time.Duration.ofSeconds(10)).isEmpty()) {
                holder.signal("KILL");
            }
            holder.close();
            return;
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
