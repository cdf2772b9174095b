package org.quorate.bench;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.quorate.bench.client.FleetSettings;
import org.quorate.bench.client.ReconnectPolicy;
import org.quorate.bench.pki.BenchPki;
import org.quorate.bench.pki.ClientKeyType;
import org.quorate.bench.pki.ClientTls;
import org.quorate.bench.pki.NssDatabaseBuilder;
import org.quorate.bench.report.ResultTable;
import org.quorate.bench.report.ServerResult;
import org.quorate.bench.server.QnetdProcess;
import org.quorate.bench.server.ServerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator: simulated qdevice nodes (two-node ffsplit clusters) against Quorate's qnetd and the
 * C corosync-qnetd, each run as a child process on loopback, with a table of the results at the end.
 */
@Command(name = "quorate-loadgen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Holds N simulated qdevice nodes (N/2 two-node ffsplit clusters, tie-breaker lowest) against",
                "a qnetd and measures connect rate, vote latency after a 1:1 split of every cluster, the",
                "server's RSS and CPU at steady state, and the time until all nodes are back after a restart."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every phase completed", "1:a phase did not complete (see the notes under the table)",
                "2:bad option", "3:set-up failed (certificates, server start)"})
public final class LoadGenerator implements Callable<Integer> {
    enum Servers { quorate, c, both }

    enum TlsProviderChoice { auto, openssl, jdk }

    @Option(names = "--clients", description = "simulated nodes, even (default ${DEFAULT-VALUE})")
    int clients = 2000;
    @Option(names = "--server", description = "quorate, c or both (default ${DEFAULT-VALUE})")
    Servers servers = Servers.both;
    @Option(names = "--c-max-clients", description = "cap for the C server, which connects TLS clients at "
            + "~24/s (default ${DEFAULT-VALUE})")
    int cMaxClients = 2000;
    @Option(names = "--tls", description = "on or off (default ${DEFAULT-VALUE})")
    String tls = "on";
    @Option(names = "--heartbeat-ms", description = "ECHO_REQUEST interval, 0.8 x quorum.device.timeout "
            + "(default ${DEFAULT-VALUE})")
    long heartbeatMs = FleetSettings.DEFAULT_HEARTBEAT_MILLIS;
    @Option(names = "--connect-timeout-ms", description = "each node's connect timer, from the start of an "
            + "attempt until INIT_REPLY, as quorum.device.net.connect_timeout (default: the heartbeat)")
    Long connectTimeoutMs;
    @Option(names = "--steady-seconds", description = "CPU/RSS window (default ${DEFAULT-VALUE})")
    int steadySeconds = 30;
    @Option(names = "--split-rate", description = "clusters split per second (default ${DEFAULT-VALUE})")
    double splitRate = 500;
    @Option(names = "--inflight", description = "connections in start-up at once during the ramp (default ${DEFAULT-VALUE})")
    int inflight = 64;
    @Option(names = "--source-addresses", description = "loopback source addresses 127.0.0.2.. (default ${DEFAULT-VALUE})")
    int sourceAddresses = 4;
    @Option(names = "--io-threads", description = "generator event loop threads (default ${DEFAULT-VALUE})")
    int ioThreads = 2;
    @Option(names = "--phase-timeout-seconds", description = "longest wait for any phase (default ${DEFAULT-VALUE})")
    int phaseTimeoutSeconds = 600;
    @Option(names = "--no-restart", description = "skip the kill-and-restart phase")
    boolean noRestart;
    @Option(names = "--qnetd-jar", description = "Quorate's shaded qnetd jar (default ${DEFAULT-VALUE})")
    Path qnetdJar = Path.of("qnetd/target/quorate-qnetd.jar");
    @Option(names = "--qnetd-classpath", description = "run Quorate's qnetd from this classpath instead of --qnetd-jar")
    String qnetdClasspath;
    @Option(names = "--qnetd-jvm-options", split = " ", description = "JVM options for Quorate's qnetd "
            + "(default ${DEFAULT-VALUE})")
    List<String> qnetdJvmOptions = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    @Option(names = "--no-qnetd-cds", description = "start Quorate's qnetd without a class-data-sharing archive "
            + "(by default one is made in a short training start first, as the Debian launcher keeps one)")
    boolean noQnetdCds;
    @Option(names = "--c-qnetd", description = "the C daemon (default ${DEFAULT-VALUE})")
    Path cQnetd = Path.of("/usr/bin/corosync-qnetd");
    @Option(names = "--work-dir", description = "certificates, logs, sockets (default: a new directory in /tmp)")
    Path workDir;
    @Option(names = "--client-key", description = "cluster certificate key: RSA (as the real nodes) or EC "
            + "(less generator CPU per handshake) (default ${DEFAULT-VALUE})")
    ClientKeyType clientKey = ClientKeyType.RSA;
    @Option(names = "--listen-backlog", description = "pass -S listen_backlog=N to both servers (default: "
            + "their own default, 10)")
    Integer listenBacklog;
    @Option(names = "--socket-activation", description = "Quorate only: a holder process binds [::]:port once and "
            + "passes it to each qnetd start as fd 3 (LISTEN_FDS=1), as corosync-qnetd.socket does, so the restart "
            + "phase finds the port open")
    boolean socketActivation;
    @Option(names = "--holder-backlog", description = "listen backlog of the --socket-activation holder; systemd's "
            + "Backlog= default is SOMAXCONN (default ${DEFAULT-VALUE})")
    int holderBacklog = 4096;
    @Option(names = "--client-tls-provider", description = "the nodes' TLS: auto (OpenSSL when netty-tcnative "
            + "loads, else the JDK), openssl or jdk (default ${DEFAULT-VALUE})")
    TlsProviderChoice clientTlsProvider = TlsProviderChoice.auto;
    @Option(names = "--cluster-prefix", description = "cluster names are <prefix><i> (default ${DEFAULT-VALUE})")
    String clusterPrefix = "bench";

    private final java.io.PrintStream out;

    public LoadGenerator() {
        this(System.out);
    }

    /** @param out where progress and the result table go */
    public LoadGenerator(java.io.PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        // our own name, so the qnetd's logback.xml next to it on a test classpath is not picked up instead
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
        System.exit(new CommandLine(new LoadGenerator()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 2 || clients % 2 != 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--clients must be even and >= 2, got " + clients);
        }
        if (!tls.equals("on") && !tls.equals("off")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--tls must be on or off, got " + tls);
        }
        LoadScenario.requireLinuxProc();
        boolean tlsOn = tls.equals("on");
        FleetSettings fleet;
        try {
            fleet = new FleetSettings(tlsOn, heartbeatMs, connectTimeoutMs != null ? connectTimeoutMs : heartbeatMs,
                    sourceAddresses, inflight, ioThreads);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        SslProvider provider = switch (clientTlsProvider) {
            case auto -> ClientTls.bestProvider();
            case openssl -> SslProvider.OPENSSL;
            case jdk -> SslProvider.JDK;
        };
        ScenarioSettings scenario = new ScenarioSettings(steadySeconds, splitRate, phaseTimeoutSeconds, !noRestart);
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("quorate-bench");
        out.printf("work directory %s%n", dir);

        List<ServerKind> kinds = switch (servers) {
            case quorate -> List.of(ServerKind.QUORATE);
            case c -> List.of(ServerKind.C);
            case both -> List.of(ServerKind.QUORATE, ServerKind.C);
        };
        int largest = kinds.stream().mapToInt(this::clientsFor).max().orElse(clients);
        List<String> clusterNames = IntStream.range(0, largest / 2).mapToObj(i -> clusterPrefix + i).toList();
        BenchPki pki;
        SslContext clientTls = null;
        try {
            long t = System.nanoTime();
            pki = BenchPki.create(dir.resolve("quorate-nssdb"), Instant.now(), clientKey);
            if (tlsOn) {
                clientTls = ClientTls.context(pki.caCertificate(), pki.clusterIdentities(clusterNames, Instant.now()),
                        provider);
                out.printf("nodes' TLS: %s%n", ClientTls.describe(provider));
            }
            if (kinds.contains(ServerKind.C)) {
                NssDatabaseBuilder.build(pki, dir.resolve("c-nssdb"));
            }
            out.printf("certificates for %d clusters ready in %.1f s%n", clusterNames.size(), (System.nanoTime() - t) / 1e9);
        } catch (Exception e) {
            System.err.println("Can't set up the certificates in " + dir + ": " + e.getMessage());
            return 3;
        }

        List<ServerResult> results = new ArrayList<>();
        LoadScenario run = new LoadScenario(scenario, fleet, out);
        for (ServerKind kind : kinds) {
            int n = clientsFor(kind);
            try {
                QnetdProcess server = process(kind, tlsOn, pki, dir);
                results.add(run.run(server, clientTls, clusterNames.subList(0, n / 2)));
            } catch (IOException e) {
                System.err.println("Run against " + kind.displayName() + " failed: " + e.getMessage());
                return 3;
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Generator and server share this machine's %d cores; loopback, TLS %s%s, heartbeat %d ms,"
                + " connect timeout %d ms, reconnect back-off 0..%d ms.%n",
                Runtime.getRuntime().availableProcessors(), tls, tlsOn ? " (nodes: " + ClientTls.describe(provider) + ")" : "",
                heartbeatMs, fleet.connectTimeoutMillis(),
                ReconnectPolicy.backoffBoundFor(heartbeatMs) - 1);
        out.print(ResultTable.markdown(results));
        return results.stream().allMatch(r -> r.notes().isEmpty()) ? 0 : 1;
    }

    private int clientsFor(ServerKind kind) {
        return kind == ServerKind.C ? Math.min(clients, cMaxClients - cMaxClients % 2) : clients;
    }

    private QnetdProcess process(ServerKind kind, boolean tlsOn, BenchPki pki, Path dir) throws IOException, InterruptedException {
        int port = freePort();
        if (kind == ServerKind.C) {
            return new QnetdProcess(kind, List.of(cQnetd.toString()), tlsOn, port, dir.resolve("c-nssdb"),
                    dir.resolve("c-run"), extraAdvanced());
        }
        List<String> launcher = new ArrayList<>();
        launcher.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        launcher.addAll(qnetdJvmOptions);
        if (qnetdClasspath != null) {
            launcher.addAll(List.of("-cp", qnetdClasspath, "org.quorate.qnetd.daemon.QnetdMain"));
        } else {
            if (!Files.isRegularFile(qnetdJar)) {
                throw new IOException("no qnetd jar at " + qnetdJar.toAbsolutePath()
                        + " (build it with: mvn -pl qnetd -am package -DskipTests, or pass --qnetd-jar)");
            }
            launcher.addAll(List.of("-jar", qnetdJar.toString()));
        }
        QnetdProcess quorate = new QnetdProcess(kind, launcher, tlsOn, port, pki.quorateStore(),
                dir.resolve("quorate-run"), extraAdvanced());
        if (noQnetdCds) {
            return activated(quorate);
        }
        // What /usr/bin/corosync-qnetd does on a Debian host: archive qnetd's classes once, start from them.
        Path archive = dir.resolve("quorate-qnetd.jsa");
        List<String> training = withCdsOption(launcher, "-XX:ArchiveClassesAtExit=" + archive);
        long t = System.nanoTime();
        QnetdProcess trainee = new QnetdProcess(kind, training, tlsOn, socketActivation ? freePort() : port,
                pki.quorateStore(), dir.resolve("quorate-cds"), extraAdvanced());
        // trained the way it will start, so the archive holds the classes of the socket-activation path too
        (socketActivation ? trainee.withSocketHolder(holderBacklog) : trainee).startAndStop();
        if (!Files.isRegularFile(archive)) {
            // e.g. --qnetd-classpath of directories: the JVM archives classes from jars only
            out.printf("qnetd class-data-sharing: the training start wrote no %s; running without%n", archive);
            return activated(quorate);
        }
        out.printf("qnetd class-data-sharing archive ready in %.1f s%n", (System.nanoTime() - t) / 1e9);
        return activated(new QnetdProcess(kind, withCdsOption(launcher, "-XX:SharedArchiveFile=" + archive), tlsOn,
                port, pki.quorateStore(), dir.resolve("quorate-run"), extraAdvanced()));
    }

    private QnetdProcess activated(QnetdProcess quorate) throws IOException {
        if (!socketActivation) {
            return quorate;
        }
        out.printf("socket activation: a holder keeps [::]:%d (backlog %d) across restarts%n", quorate.port(),
                holderBacklog);
        return quorate.withSocketHolder(holderBacklog);
    }

    /** {@code launcher} with a class-data-sharing option and the JVM's CDS messages off, right after "java". */
    private static List<String> withCdsOption(List<String> launcher, String option) {
        List<String> argv = new ArrayList<>(launcher);
        argv.addAll(1, List.of(option, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        return argv;
    }

    private String extraAdvanced() {
        return listenBacklog == null ? "" : ",listen_backlog=" + listenBacklog;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
