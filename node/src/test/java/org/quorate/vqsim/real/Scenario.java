package org.quorate.vqsim.real;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.quorate.vqsim.script.Command;
import org.quorate.vqsim.script.ScriptLine;
import org.quorate.vqsim.script.ScriptParser;

/**
 * A differential scenario: {@code node/src/test/resources/vqsim/scenarios/<name>/} with {@code corosync.conf},
 * {@code script.vqsim} and any files the script reloads. Node I of every file lives at 198.18.60.I
 * (the lab cluster id {@value #CLUSTER_ID}); each scenario runs in a lab of its own.
 */
record Scenario(String name, Path dir, String conf, ConfFacts facts, List<ScriptLine> steps, int hosts) {
    static final int CLUSTER_ID = 60;
    static final Path ROOT = Path.of("src/test/resources/vqsim/scenarios");

    static Scenario load(String name) {
        Path dir = ROOT.resolve(name);
        String conf = read(dir.resolve("corosync.conf"));
        ConfFacts facts = ConfFacts.of(name + "/corosync.conf", conf);
        List<ScriptLine> steps;
        try (Reader in = Files.newBufferedReader(dir.resolve("script.vqsim"), StandardCharsets.UTF_8)) {
            // quorate-vqsim's own parser: the scenarios are written in exactly the simulator's language
            steps = new ScriptParser(name + "/script.vqsim", dir.toAbsolutePath()).parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("script.vqsim"), e);
        }
        long hosts = facts.nodeIds().get(facts.nodeIds().size() - 1);
        for (ScriptLine s : steps) {
            if (s.command() instanceof Command.Reload r) {
                ConfFacts f = ConfFacts.of(name + "/" + r.file().getFileName(), read(r.file()));
                hosts = Math.max(hosts, f.nodeIds().get(f.nodeIds().size() - 1));
            }
        }
        return new Scenario(name, dir, conf, facts, steps, (int) hosts);
    }

    /** {@code quorum.device.timeout} of the scenario's corosync.conf (votequorum's default 10 s). */
    Duration deviceTimeout() {
        String ms = Simulators.cmap(dir.resolve("corosync.conf")).get("quorum.device.timeout");
        return Duration.ofMillis(ms == null ? 10_000 : Long.parseLong(ms));
    }

    /** Every scenario directory's name, sorted. */
    static List<String> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.exists(d.resolve("script.vqsim"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ROOT.toAbsolutePath(), e);
        }
    }

    /** {@code all}, a comma list, or (blank) the CI subset. */
    static List<String> select(String property, List<String> ciSubset) {
        if (property == null || property.isBlank()) {
            return ciSubset;
        }
        if (property.strip().equals("all")) {
            return all();
        }
        List<String> names = new ArrayList<>();
        for (String n : property.split(",")) {
            if (!n.isBlank()) {
                names.add(n.strip());
            }
        }
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
