package org.quorate.vqsim.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quorate.conf.ConfException;
import org.quorate.conf.ConfParser;
import org.quorate.votequorum.VotequorumConfigException;
import org.quorate.vqsim.ClusterDriver;
import org.quorate.vqsim.engine.SimCluster;
import org.quorate.vqsim.random.Campaign;
import org.quorate.vqsim.random.ConfText;
import org.quorate.vqsim.random.EngineFactory;
import org.quorate.vqsim.random.SeedResult;
import org.quorate.vqsim.reference.ReferenceCluster;
import org.quorate.vqsim.run.JsonSink;
import org.quorate.vqsim.run.ScriptRunner;
import org.quorate.vqsim.run.StepSink;
import org.quorate.vqsim.run.TextSink;
import org.quorate.vqsim.script.ScriptException;
import org.quorate.vqsim.script.ScriptLine;
import org.quorate.vqsim.script.ScriptParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quorate-vqsim}: corosync-vqsim's command language over Quorate's votequorum, and seeded random
 * schedules checked against the reference model. Exit codes are listed in {@link ExitCode}.
 */
@Command(name = "quorate-vqsim", mixinStandardHelpOptions = true, version = "quorate-vqsim 0.1.0",
        sortOptions = false,
        description = {
            "The votequorum simulator: every node of a corosync.conf runs Quorate's votequorum, joined by an",
            "in-memory group layer under virtual time, driven by corosync-vqsim's command language (type 'help'",
            "in a script for the commands). All nodes start in partition 0 before the first command.",
            "With --random it runs seeded random fault schedules and checks the invariants S1-S4."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a check, or an invariant of a random run, failed",
            "2:partitions not stable within the timeout while 'assert on' (as corosync-vqsim)",
            "3:the output file cannot be opened (as corosync-vqsim)",
            "4:script error (the message names the file and line)",
            "5:configuration error (corosync.conf refused)",
            "64:usage error"})
public final class VqsimMain implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "corosync.conf (default ${DEFAULT-VALUE})")
    Path config = Path.of("/etc/corosync/corosync.conf");

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write output here instead of stdout")
    Path output;

    @Option(names = "-n", description = "no synchronisation: start as 'sync off' (corosync-vqsim -n)")
    boolean noSync;

    @Option(names = "--output-format", paramLabel = "text|json", description = "text (vqsim's lines, default) or json (one object per node per step)")
    String format = "text";

    @Option(names = "--engine", paramLabel = "sim|reference", description = "the votequorum to run: sim (Quorate's, default) or reference (the independent model)")
    String engine = "sim";

    @Option(names = "--random", description = "run seeded random schedules instead of a script")
    boolean random;

    @Option(names = "--seed", paramLabel = "S", description = "first seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--steps", paramLabel = "K", description = "fault steps per seed (default ${DEFAULT-VALUE})")
    int steps = 200;

    @Option(names = "--seeds", paramLabel = "N", description = "how many seeds, from --seed on (default ${DEFAULT-VALUE})")
    long seeds = 1;

    @Option(names = "--threads", paramLabel = "T", description = "threads for --random (default: the processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--replay-dir", paramLabel = "DIR", description = "where a failing seed's corosync.conf files and replay script are written (default: a new temporary directory)")
    Path replayDir;

    @Option(names = "--verbose", description = "the simulated nodes' votequorum log on stderr")
    boolean verbose;

    @Parameters(arity = "0..1", paramLabel = "SCRIPT", description = "the script (default: stdin; '-' is stdin)")
    String script;

    /** The exit codes, documented in --help and docs/vqsim.md. */
    public enum ExitCode {
        OK(0), CHECK_FAILED(1), NOT_STABLE(2), OUTPUT(3), SCRIPT(4), CONFIG(5), USAGE(64);

        public final int code;

        ExitCode(int code) {
            this.code = code;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new VqsimMain());
        cl.setParameterExceptionHandler((ex, a) -> {
            cl.getErr().println(ex.getMessage());
            cl.usage(cl.getErr());
            return ExitCode.USAGE.code;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        configureLogging(verbose && !random);
        PrintStream out;
        try {
            out = output == null ? System.out : new PrintStream(new FileOutputStream(output.toFile()), true, StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            System.err.println("Unable to open " + output + " for output: " + e.getMessage());
            return ExitCode.OUTPUT.code;
        }
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("--output-format must be text or json, not " + format);
            return ExitCode.USAGE.code;
        }
        return random ? runRandom(out) : runScript(out);
    }

    private int runScript(PrintStream out) {
        Map<String, String> cmap;
        try {
            cmap = ConfParser.parse(config).cmap();
        } catch (ConfException e) {
            System.err.println(e.getMessage());
            return ExitCode.CONFIG.code;
        }
        List<ScriptLine> lines;
        String source = script == null || script.equals("-") ? "stdin" : script;
        try (Reader in = source.equals("stdin") ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(script))) {
            Path base = source.equals("stdin") ? Path.of("") : Path.of(script).toAbsolutePath().getParent();
            lines = new ScriptParser(source, base).parse(in);
        } catch (IOException e) {
            System.err.println("cannot read " + source + ": " + e.getMessage());
            return ExitCode.SCRIPT.code;
        } catch (ScriptException e) {
            System.err.println(e.getMessage());
            return ExitCode.SCRIPT.code;
        }
        if (noSync) {
            lines.add(0, new ScriptLine(0, new org.quorate.vqsim.script.Command.Sync("sync off", false)));
        }
        StepSink sink = format.equals("json") ? new JsonSink(out) : new TextSink(out);
        try (ClusterDriver driver = factory().create(cmap, VqsimMain::readConf);
             ReferenceCluster ref = new ReferenceCluster(cmap, VqsimMain::readConf)) {
            if (verbose && driver instanceof SimCluster sim) {
                sim.onLog((node, log) -> System.err.println("node " + node + ": " + log.level() + " " + log.text()));
            }
            int code = new ScriptRunner(driver, ref, sink, System.err, source).run(lines);
            out.flush();
            return code;
        } catch (ScriptException e) {
            System.err.println(e.getMessage());
            return ExitCode.SCRIPT.code;
        } catch (VotequorumConfigException | ConfException e) {
            System.err.println(e.getMessage());
            return ExitCode.CONFIG.code;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return ExitCode.CONFIG.code;
        }
    }

    private int runRandom(PrintStream out) {
        Campaign.Summary s = Campaign.run(seed, seeds, steps, Math.max(1, threads), factory(), 10);
        SeedResult.S1Excused x = s.s1Excused();
        out.printf("seeds %d (from %d), steps %d, wall %d ms, %.0f seeds/hour, failed seeds %d%n",
                s.seeds(), seed, s.steps(), s.wallMillis(), s.seedsPerHour(), s.failedSeeds());
        out.printf("S1 allowed: two_node %d, admin change %d, last_man_standing %d, auto_tie_breaker %d; S4 after admin change %d%n",
                x.twoNode(), x.admin(), x.lastManStanding(), x.autoTieBreaker(), x.s4AfterAdmin());
        if (s.failures().isEmpty()) {
            return ExitCode.OK.code;
        }
        try {
            Path dir = replayDir != null ? Files.createDirectories(replayDir) : Files.createTempDirectory("quorate-vqsim-");
            for (SeedResult f : s.failures()) {
                reportFailure(out, f, dir);
            }
        } catch (IOException e) {
            System.err.println("cannot write the replay files: " + e.getMessage());
        }
        return ExitCode.CHECK_FAILED.code;
    }

    /**
     * Says which seed failed where and why, writes its corosync.conf files and replay script into {@code dir},
     * and prints the script too, so a failure seen in a CI log can be replayed without its files.
     */
    static void reportFailure(PrintStream out, SeedResult f, Path dir) throws IOException {
        out.println("seed " + f.seed() + " failed at step " + f.failedStep() + ":");
        f.violations().forEach(v -> out.println("  " + v));
        Path conf = dir.resolve("seed-" + f.seed() + ".conf");
        Files.writeString(conf, ConfText.render(f.schedule().cmap()));
        for (Map.Entry<Path, Map<String, String>> v : f.schedule().variants().entrySet()) {
            Files.writeString(dir.resolve(v.getKey().toString()), ConfText.render(v.getValue()));
        }
        Path replay = dir.resolve("seed-" + f.seed() + ".vqsim");
        String script = f.schedule().script(conf.toString());
        Files.writeString(replay, script);
        out.println("  replay: quorate-vqsim -c " + conf + " " + replay);
        out.println("  replay script:");
        script.lines().forEach(line -> out.println("  | " + line));
    }

    private EngineFactory factory() {
        switch (engine) {
            case "sim": return SimCluster::new;
            case "reference": return ReferenceCluster::new;
            default: throw new CommandLine.ParameterException(new CommandLine(this), "--engine must be sim or reference");
        }
    }

    private static Map<String, String> readConf(Path p) {
        return ConfParser.parse(p).cmap();
    }

    /** Without --verbose votequorum's log is off; with it, it goes to stderr, never into the output. */
    public static void configureLogging(boolean verbose) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.INFO : Level.OFF);
        if (verbose) {
            PatternLayoutEncoder enc = new PatternLayoutEncoder();
            enc.setContext(ctx);
            enc.setPattern("%-5level %logger{0}: %msg%n");
            enc.start();
            ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
            err.setContext(ctx);
            err.setTarget("System.err");
            err.setEncoder(enc);
            err.start();
            root.addAppender(err);
        }
    }
}
