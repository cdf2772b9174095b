package org.quorate.bench;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.quorate.bench.client.Fleet;
import org.quorate.bench.client.FleetCounters;
import org.quorate.bench.client.FleetSettings;
import org.quorate.bench.report.RestartResult;
import org.quorate.bench.report.ServerResult;
import org.quorate.bench.server.ProcStat;
import org.quorate.bench.server.QnetdProcess;
import org.quorate.bench.server.RssSampler;
import org.quorate.bench.stats.CpuWindow;
import org.quorate.bench.stats.LatencySummary;

/**
 * One run against one server: start it, connect every node, wait for the first votes, hold a steady
 * window (CPU, RSS, echo round trips), split every cluster 1:1 (vote latency), then kill and restart
 * the server and time until every node is initialised again.
 */
public final class LoadScenario {
    private final ScenarioSettings settings;
    private final FleetSettings fleetSettings;
    private final PrintStream log;

    public LoadScenario(ScenarioSettings settings, FleetSettings fleetSettings, PrintStream log) {
        this.settings = settings;
        this.fleetSettings = fleetSettings;
        this.log = log;
    }

    public ServerResult run(QnetdProcess server, SslContext clientTls, List<String> clusterNames) throws Exception {
        int clients = clusterNames.size() * 2;
        List<String> notes = new ArrayList<>();
        Map<String, Long> errors = new TreeMap<>();
        server.start();
        server.awaitListening(60_000);
        log.printf("[%s] listening on port %d, pid %d; connecting %d nodes%n", server.kind().displayName(),
                server.port(), server.pid(), clients);
        try (RssSampler rss = new RssSampler(server::pid);
             Fleet fleet = new Fleet(fleetSettings, clientTls, new InetSocketAddress("127.0.0.1", server.port()),
                     clusterNames)) {
            // ---- connect ----
            FleetCounters startup = fleet.newEpoch();
            long generatorPid = ProcessHandle.current().pid();
            long serverTicks0 = ProcStat.cpuTicks(server.pid());
            long generatorTicks0 = ProcStat.cpuTicks(generatorPid);
            long t0 = System.nanoTime();
            fleet.connectAll();
            boolean allUp = await("connect", () -> startup.inits(), clients, startup);
            double connectSeconds = allUp ? (startup.lastInitNanos() - t0) / 1e9 : Double.NaN;
            // what the connect phase cost each side: the generator must not starve the server it measures
            double connectServerCpu = (double) (ProcStat.cpuTicks(server.pid()) - serverTicks0) / ProcStat.TICKS_PER_SECOND;
            double connectGeneratorCpu = (double) (ProcStat.cpuTicks(generatorPid) - generatorTicks0)
                    / ProcStat.TICKS_PER_SECOND;
            log.printf(java.util.Locale.ROOT, "[%s] connect phase CPU: server %.1f s, generator %.1f s%n",
                    server.kind().displayName(), connectServerCpu, connectGeneratorCpu);
            if (!allUp) {
                notes.add("only " + startup.inits() + " of " + clients + " nodes connected within the phase timeout");
            }
            boolean voted = await("first votes", startup::firstVotes, clients, startup);
            if (!voted) {
                notes.add("only " + startup.firstVotes() + " nodes got a first vote");
            }
            merge(errors, startup.errors());

            // ---- steady state ----
            FleetCounters steady = fleet.newEpoch();
            long pid = server.pid();
            long ticksA = ProcStat.cpuTicks(pid);
            long wallA = System.nanoTime();
            Thread.sleep(settings.steadySeconds() * 1000L);
            long ticksB = ProcStat.cpuTicks(pid);
            long wallB = System.nanoTime();
            long steadyRss = ProcStat.rssKib(pid);
            int threads = ProcStat.threads(pid);
            // other work on the machine skews every number here: say how busy it was
            String loadAverage = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
            CpuWindow cpu = new CpuWindow(ticksA, ticksB, wallA, wallB, ProcStat.TICKS_PER_SECOND);
            LatencySummary echo = steady.echoRtt().summary();
            log.printf("[%s] steady: cpu %.1f%% of one core, rss %d KiB, echo %s%n", server.kind().displayName(),
                    cpu.percentOfOneCore(), steadyRss, echo.millisText());
            merge(errors, steady.errors());

            // ---- split every cluster ----
            FleetCounters split = fleet.newEpoch();
            fleet.splitAll(settings.splitClustersPerSecond());
            if (!await("split votes", () -> split.voteLatency().count(), clients, split)) {
                notes.add("only " + split.voteLatency().count() + " of " + clients + " split votes arrived");
            }
            merge(errors, split.errors());

            // ---- restart ----
            RestartResult restarted = RestartResult.SKIPPED;
            if (settings.restart()) {
                FleetCounters restart = fleet.newEpoch();
                long killed = System.nanoTime();
                server.kill();
                long start = System.nanoTime();
                server.start();
                server.awaitListening(60_000);
                double listen = (System.nanoTime() - start) / 1e9;
                boolean back = await("reconnect", restart::inits, clients, restart);
                int reinit = restart.inits();
                String name = server.kind().displayName();
                log.printf("[%s] per 500 ms after the kill: attempts %s%n", name,
                        java.util.Arrays.toString(restart.attemptTimeline(killed, 500)));
                log.printf("[%s] per 500 ms after the kill: refused %s%n", name,
                        java.util.Arrays.toString(restart.refusedTimeline(killed, 500)));
                log.printf("[%s] per 500 ms after the kill: re-INITs %s%n", name,
                        java.util.Arrays.toString(restart.initTimeline(killed, 500)));
                restarted = new RestartResult(listen,
                        back ? (restart.lastInitNanos() - killed) / 1e9 : Double.NaN,
                        back ? (restart.lastInitNanos() - start) / 1e9 : Double.NaN,
                        reinit, restart.connectAttempts(), restart.connectRefused(), restart.connectTimeouts());
                if (!back) {
                    notes.add("only " + reinit + " of " + clients + " nodes re-initialised after the restart");
                }
                merge(errors, restart.errors());
            }
            return new ServerResult(server.kind(), clients, fleetSettings.tls(), connectSeconds,
                    startup.connectAttempts(), startup.inits(), connectServerCpu, connectGeneratorCpu,
                    cpu.percentOfOneCore(), cpu.seconds(), steadyRss,
                    rss.peakKib(), threads, echo, steady.missedEchoReplies(), steady.disconnects(),
                    split.voteLatency().summary(), split.ackLatency().summary(), split.nackLatency().summary(),
                    split.unexpectedSplitVotes(), restarted, errors, loadAverage, String.join("; ", notes));
        } finally {
            server.close();
        }
    }

    /** Waits until {@code value} reaches {@code target}, printing progress every 5 s; false on timeout. */
    private boolean await(String phase, IntSupplier value, int target, FleetCounters counters)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + settings.phaseTimeoutSeconds() * 1_000_000_000L;
        long nextReport = start + 5_000_000_000L;
        while (value.getAsInt() < target) {
            long now = System.nanoTime();
            if (now > deadline) {
                return false;
            }
            if (now > nextReport) {
                log.printf("  %s: %d / %d after %.0f s (attempts %d, connect failures %d of which refused %d,"
                        + " connect timeouts %d, errors %s)%n", phase, value.getAsInt(), target, (now - start) / 1e9,
                        counters.connectAttempts(), counters.connectFailures(), counters.connectRefused(),
                        counters.connectTimeouts(), counters.errors());
                nextReport += 5_000_000_000L;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void merge(Map<String, Long> into, Map<String, Long> more) {
        more.forEach((k, v) -> into.merge(k, v, Long::sum));
    }

    static void requireLinuxProc() throws IOException {
        if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self"))) {
            throw new IOException("the load generator reads /proc for the server's RSS and CPU: Linux only");
        }
    }
}
