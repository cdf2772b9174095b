package org.quorate.link.tool;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.quorate.config.Settings;
import org.quorate.config.SettingsException;
import org.quorate.link.config.HostLinks;
import org.quorate.link.config.LinkConfigException;
import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.config.LinkLayerConfigs;
import org.quorate.link.config.LinkSettingKeys;
import org.quorate.link.transport.RxImpairment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code quorate-linkbench}: Quorate's link layer alone on one host, in the spirit of knet's knet_bench. It
 * reads corosync.conf as corosync would, brings up the links to every other node, sends numbered messages at
 * a rate, prints link events as corosync logs them, keeps corosync-cfgtool-shaped status files, and at the
 * end prints what was sent, received, lost and duplicated per host (with round trips under --ping-pong).
 */
@Command(name = "quorate-linkbench", mixinStandardHelpOptions = true, version = "quorate-linkbench 0.1.0",
        sortOptions = false,
        description = {
            "Runs Quorate's link layer alone on this host, with the links of corosync.conf.",
            "Run it on every node: each sends numbered messages to the others and prints",
            "link events, then the counts. Without netem, --impair-rx-* drop and delay",
            "received datagrams in user space, seeded."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run completed (whatever was lost: read the counts)",
            "1:an error; the message names the file or the flag",
            "64:usage error"})
public final class LinkbenchMain implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_ERROR = 1;
    static final int EXIT_USAGE = 64;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "corosync.conf (default ${DEFAULT-VALUE})")
    Path config = Path.of("/etc/corosync/corosync.conf");

    @Option(names = {"-n", "--nodeid"}, paramLabel = "NODEID",
            description = "this host's node id (default: found in the nodelist by host name and addresses)")
    Integer nodeId;

    @Option(names = {"-k", "--key"}, paramLabel = "FILE", description = "the authkey (default: totem.keyfile, else /etc/corosync/authkey)")
    Path key;

    @Option(names = "--send-rate", paramLabel = "N", description = "messages per second to each destination (default ${DEFAULT-VALUE}; 0: only listen)")
    double sendRate = 10;

    @Option(names = "--size", paramLabel = "BYTES", description = "message size, 21..65536 (default ${DEFAULT-VALUE})")
    int size = 200;

    @Option(names = "--to", paramLabel = "all|NODEID", description = "destination: every other node, or one (default ${DEFAULT-VALUE})")
    String to = "all";

    @Option(names = "--duration", paramLabel = "S", description = "seconds of sending (default ${DEFAULT-VALUE}); then 1 s to drain")
    double duration = 10;

    @Option(names = "--status-file", paramLabel = "PATH",
            description = "write corosync-cfgtool -s text to PATH, -n text to PATH.nodes, JSON to PATH.json, atomically, every interval")
    Path statusFile;

    @Option(names = "--status-interval", paramLabel = "MS", description = "status file interval (default ${DEFAULT-VALUE})")
    long statusIntervalMs = 1000;

    @Option(names = "--output-format", paramLabel = "text|json", description = "event lines and counts as text (default) or JSON lines")
    String outputFormat = "text";

    @Option(names = "--ping-pong", description = "every message is a ping the peer answers; prints round-trip p50/p99")
    boolean pingPong;

    @Option(names = "--impair-rx-loss", paramLabel = "P", description = "drop each received datagram with probability P (0..1)")
    double rxLoss;

    @Option(names = "--impair-rx-delay", paramLabel = "MS", description = "hold each received datagram MS milliseconds")
    long rxDelayMs;

    @Option(names = "--impair-rx-jitter", paramLabel = "MS", description = "plus or minus up to MS milliseconds, uniform (reorders)")
    long rxJitterMs;

    @Option(names = "--impair-seed", paramLabel = "S", description = "seed of the impairments (default ${DEFAULT-VALUE})")
    long impairSeed = 1;

    @Option(names = "-S", paramLabel = "NAME=VALUE[,...]",
            description = "link-layer settings (docs/link-layer.md lists them), repeatable")
    List<String> settings = new ArrayList<>();

    @Option(names = "--verbose", description = "the link layer's own log (info) on stderr")
    boolean verbose;

    private final LinkLayerFactory factory;
    private final PrintStream out;
    private final PrintStream err;

    LinkbenchMain(LinkLayerFactory factory, PrintStream out, PrintStream err) {
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("--verbose");
        configureLogging(verbose);
        System.exit(run(Engines.real(), System.out, System.err, args));
    }

    /** Runs the tool and returns its exit code. */
    static int run(LinkLayerFactory factory, PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new LinkbenchMain(factory, out, err));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            cl.getErr().println("quorate-linkbench: " + ex.getMessage());
            cl.usage(cl.getErr());
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            cl.getErr().println("quorate-linkbench: " + ex);
            return EXIT_ERROR;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        try {
            return runBench();
        } catch (BenchException e) {
            err.println("quorate-linkbench: " + e.getMessage());
            return EXIT_ERROR;
        } catch (UncheckedIOException e) {
            err.println("quorate-linkbench: " + e.getMessage());
            return EXIT_ERROR;
        }
    }

    private int runBench() {
        boolean json = switch (outputFormat) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new BenchException("--output-format: '" + outputFormat + "' is not text or json");
        };
        checkFlags();
        Settings linkSettings = linkSettings();
        if (!Files.isReadable(config)) {
            throw new BenchException(config + ": cannot read the configuration file");
        }
        LinkLayerConfig layerConfig;
        try {
            layerConfig = LinkLayerConfigs.fromCorosyncFile(config,
                    nodeId == null ? OptionalInt.empty() : OptionalInt.of(nodeId), key, linkSettings);
        } catch (LinkConfigException e) {
            throw new BenchException(e.getMessage(), e);
        }
        int local = layerConfig.localHostId();
        List<Integer> remotes = layerConfig.hosts().stream().map(HostLinks::hostId).toList();
        int target = target(remotes, local);
        RxImpairment impairment = new RxImpairment(rxLoss, Duration.ofMillis(rxDelayMs), Duration.ofMillis(rxJitterMs),
                impairSeed);
        BenchRun.Plan plan = new BenchRun.Plan(layerConfig, LinkSettingKeys.socketOptions(linkSettings), impairment,
                target, sendRate, size, pingPong, Duration.ofNanos((long) (duration * 1e9)), Duration.ofSeconds(1),
                statusFile == null ? null : new StatusFiles(statusFile), Duration.ofMillis(statusIntervalMs));
        EventSink sink = new EventSink(out, json);
        BenchRun.Result r = new BenchRun(plan, factory, sink).run();
        double seconds = plan.duration().toNanos() / 1e9;
        out.print(json ? BenchReport.json(local, seconds, r.peers(), pingPong)
                : BenchReport.text(local, seconds, r.peers(), pingPong));
        out.flush();
        return EXIT_OK;
    }

    private void checkFlags() {
        if (size < BenchMessage.HEADER || size > org.quorate.link.LinkLayer.MAX_MESSAGE) {
            throw new BenchException("--size " + size + ": must be " + BenchMessage.HEADER + ".."
                    + org.quorate.link.LinkLayer.MAX_MESSAGE);
        }
        if (!(sendRate >= 0) || sendRate > 10_000_000) {
            throw new BenchException("--send-rate " + sendRate + ": must be 0..10000000 messages per second");
        }
        if (!(duration > 0) || duration > 366 * 86400.0) {
            throw new BenchException("--duration " + duration + ": must be > 0 seconds");
        }
        if (statusIntervalMs < 10) {
            throw new BenchException("--status-interval " + statusIntervalMs + ": must be >= 10 ms");
        }
        if (!(rxLoss >= 0 && rxLoss <= 1)) {
            throw new BenchException("--impair-rx-loss " + rxLoss + ": a probability 0..1 (0.02 is 2 %)");
        }
        if (rxDelayMs < 0 || rxJitterMs < 0) {
            throw new BenchException("--impair-rx-delay/--impair-rx-jitter: must be >= 0 ms");
        }
        if (statusFile != null) {
            Path dir = statusFile.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new BenchException("--status-file " + statusFile + ": directory " + dir + " is not writable");
            }
        }
    }

    private Settings linkSettings() {
        Settings.Builder b = LinkSettingKeys.SCHEMA.newSettings();
        try {
            for (String s : settings) {
                b.applyAll(s);
            }
            return b.build();
        } catch (SettingsException e) {
            throw new BenchException("-S: " + e.getMessage());
        }
    }

    private int target(List<Integer> remotes, int local) {
        if (to.equals("all")) {
            return 0;
        }
        int t;
        try {
            t = Integer.parseInt(to);
        } catch (NumberFormatException e) {
            throw new BenchException("--to '" + to + "': not 'all' nor a node id");
        }
        if (!remotes.contains(t)) {
            throw new BenchException("--to " + t + ": not a remote node of " + config + " seen from node " + local
                    + " (remote nodes: " + remotes + ")");
        }
        return t;
    }

    /** The root logger on stderr: warnings only, or info with --verbose. */
    static void configureLogging(boolean verbose) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ctx.reset();
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.INFO : Level.WARN);
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%d{MMM dd HH:mm:ss.SSS} %-5level %logger{0}: %msg%n");
        enc.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(ctx);
        appender.setTarget("System.err");
        appender.setEncoder(enc);
        appender.start();
        root.addAppender(appender);
    }

    /** A problem the user can fix, with the file or flag named; exit 1. */
    static final class BenchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchException(String message) {
            super(message);
        }

        BenchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
