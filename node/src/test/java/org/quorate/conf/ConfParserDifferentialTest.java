package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The parser differential: every valid corpus file is run by the real corosync 3.1.7 in a namespace of its
 * own and its {@code corosync-cmapctl} keys under totem., nodelist., quorum. and logging. are compared with
 * {@link ConfDocument#cmap()} (types included); every invalid file must be refused by {@code corosync -t}
 * and by us. Keys corosync adds at start-up (not from the file) are listed as explained differences.
 */
@Tag("realstack")
class ConfParserDifferentialTest {
    private static final Path SCRIPT = Path.of("src/test/resources/conf/differential/corosync-in-netns.sh");
    private static final List<String> PREFIXES = List.of("totem.", "nodelist.", "quorum.", "logging.");
    private static final Path WORK = Path.of("target/conf-differential");
    /** Re-analyse the outputs of an earlier run instead of running corosync again (for working on the comparison). */
    private static final boolean REUSE = Boolean.getBoolean("quorate.confdiff.reuse");

    record Outcome(int rc, List<String> cmap, String log) {
    }

    @Test
    void corosyncAndWeReadEveryValidFileTheSameAndRefuseEveryInvalidOne() throws Exception {
        Files.createDirectories(WORK);
        if (REUSE) {
            compareAll();
            return;
        }
        // the lab lock is shared with the other namespace tests, which may hold it for a whole run of theirs
        try (NetnsLock lock = NetnsLock.acquire(Duration.ofMinutes(Long.getLong("quorate.confdiff.lockwait", 15)))) {
            compareAll();
        }
    }

    private void compareAll() throws Exception {
        List<String> report = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        int same = 0;
        int explained = 0;
        int index = 0;
        for (Path file : CorpusRoundTripTest.files("valid")) {
            index++;
            LabAddressRewrite rw = LabAddressRewrite.of(Files.readString(file));
            Path conf = WORK.resolve(file.getFileName());
            Files.writeString(conf, rw.text());
            Outcome real = run("run", index, conf, rw);
            Set<String> ours = new TreeSet<>();
            ConfParser.parse(conf).cmapEntries().values().stream()
                .filter(e -> PREFIXES.stream().anyMatch(e.key()::startsWith))
                .forEach(e -> ours.add(e.cmapctlLine()));
            if (real.rc != 0) {
                unexplained.add(file.getFileName() + ": corosync refused (rc " + real.rc + "): " + lastLine(real.log));
                continue;
            }
            Set<String> theirs = new TreeSet<>(real.cmap);
            Set<String> onlyTheirs = new TreeSet<>(theirs);
            onlyTheirs.removeAll(ours);
            Set<String> onlyOurs = new TreeSet<>(ours);
            onlyOurs.removeAll(theirs);
            List<String> why = new ArrayList<>();
            for (String line : onlyTheirs) {
                String reason = StartupKeys.explain(line, theirs);
                if (reason == null) {
                    unexplained.add(file.getFileName() + ": only corosync has " + line);
                } else {
                    why.add(line + " [" + reason + "]");
                }
            }
            for (String line : onlyOurs) {
                String key = line.substring(0, line.indexOf(' '));
                if (key.matches("totem\\.interface\\.\\d+\\.bindnetaddr")
                    && theirs.stream().anyMatch(t -> t.startsWith(key + " "))) {
                    why.add(line + " [overwritten at start-up: with a nodelist, corosync stores the local node's"
                        + " address as bindnetaddr (\"Nodelist one is going to be used\")]");
                } else {
                    unexplained.add(file.getFileName() + ": only we have " + line);
                }
            }
            if (onlyTheirs.isEmpty() && onlyOurs.isEmpty()) {
                same++;
                report.add("same      " + file.getFileName() + " (" + ours.size() + " keys)");
            } else if (why.size() == onlyTheirs.size() + onlyOurs.size()) {
                explained++;
                report.add("explained " + file.getFileName() + " (" + ours.size() + " keys): " + String.join("; ", why));
            } else {
                report.add("DIFFERENT " + file.getFileName());
            }
        }
        int bothRefuse = 0;
        int sameMessage = 0;
        for (Path file : CorpusRoundTripTest.files("invalid")) {
            index++;
            String text = Files.readString(file);
            LabAddressRewrite rw = rewriteOrKeep(text);
            Path conf = WORK.resolve(file.getFileName());
            Files.writeString(conf, rw.text());
            Outcome real = run("test", index, conf, rw);
            String ourRefusal = InvalidCorpusTest.refusal(conf);
            if (real.rc != 0 && ourRefusal != null) {
                bothRefuse++;
                String reason = corosyncReason(lastLine(real.log));
                if (reason.isEmpty() || ourRefusal.contains(reason)) {
                    sameMessage++;
                }
                report.add((reason.isEmpty() || ourRefusal.contains(reason) ? "refused   " : "refused*  ") + file.getFileName() + ": corosync rc " + real.rc + " \"" + lastLine(real.log)
                    + "\"; we: " + ourRefusal);
            } else {
                unexplained.add(file.getFileName() + ": corosync rc " + real.rc + " (" + lastLine(real.log) + "), we: "
                    + ourRefusal);
                report.add("DIFFERENT " + file.getFileName());
            }
        }
        report.add(String.format("valid: %d same, %d same up to start-up keys, %d different; invalid: %d both refuse"
                + " (%d with corosync's reason in our message), %d not",
            same, explained, CorpusRoundTripTest.files("valid").size() - same - explained, bothRefuse, sameMessage,
            CorpusRoundTripTest.files("invalid").size() - bothRefuse));
        report.addAll(unexplained.stream().map(u -> "  unexplained: " + u).toList());
        Files.write(WORK.resolve("report.txt"), report);
        report.forEach(System.out::println);
        assertThat(unexplained).isEmpty();
    }

    private static LabAddressRewrite rewriteOrKeep(String text) {
        try {
            return LabAddressRewrite.of(text);
        } catch (ConfException e) {
            return new LabAddressRewrite(text, List.of("198.18.200.1"), "");
        }
    }

    private static Outcome run(String mode, int index, Path conf, LabAddressRewrite rw) throws Exception {
        Path out = WORK.resolve(conf.getFileName() + "." + mode);
        if (REUSE) {
            return read(out); // never run anything without the lock
        }
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("cmap"));
        Files.deleteIfExists(out.resolve("rc"));
        String ns = "cfd-" + ProcessHandle.current().pid() + "-" + index;
        List<String> addrs = rw.localAddresses().isEmpty() ? List.of("198.18.200.250") : rw.localAddresses();
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), ns,
            conf.toAbsolutePath().toString(), out.toAbsolutePath().toString(), mode, String.join(",", addrs), rw.hostName())
            .redirectErrorStream(true).redirectOutput(out.resolve("script.log").toFile()).start();
        if (!p.waitFor(Duration.ofSeconds(240).toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("differential script timed out for " + conf);
        }
        return read(out);
    }

    private static Outcome read(Path out) throws IOException {
        int rc = Files.exists(out.resolve("rc")) ? Integer.parseInt(Files.readString(out.resolve("rc")).trim()) : -1;
        List<String> cmap = new ArrayList<>();
        if (Files.exists(out.resolve("cmap"))) {
            for (String l : Files.readAllLines(out.resolve("cmap"), StandardCharsets.UTF_8)) {
                if (PREFIXES.stream().anyMatch(l::startsWith)) {
                    cmap.add(l);
                }
            }
        }
        String log = Files.exists(out.resolve("log")) ? Files.readString(out.resolve("log")) : "";
        return new Outcome(rc, cmap, log + (Files.exists(out.resolve("script.log")) ? Files.readString(out.resolve("script.log")) : ""));
    }

    /** corosync's reason without its log prefix or "parser error: FILE:LINE: ", keeping the line as ":N: ". */
    static String corosyncReason(String line) {
        String r = line.replaceFirst("^.*\\[MAIN  \\] (main |_corosync_exit_error )?", "");
        return r.replaceFirst("^parser error: /etc/corosync/corosync.conf", "");
    }

    private static String lastLine(String log) {
        String[] lines = log.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].contains("exiting with status") && !lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }

    /**
     * The lab lock (/tmp/quorate-netns.lock, flock(2) as flock(1) takes it; Java's FileLock is fcntl and would
     * not exclude it), held by a child {@code flock} for the whole comparison, released by closing its stdin.
     */
    static final class NetnsLock implements AutoCloseable {
        private final Process holder;

        private NetnsLock(Process holder) {
            this.holder = holder;
        }

        static NetnsLock acquire(Duration wait) throws IOException {
            Process p = new ProcessBuilder("flock", "-w", Long.toString(wait.toSeconds()), "/tmp/quorate-netns.lock",
                "bash", "-c", "echo locked; read -r _").redirectErrorStream(true).start();
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
            if (!"locked".equals(first)) {
                p.destroy();
                throw new AssertionError("could not take /tmp/quorate-netns.lock within " + wait);
            }
            return new NetnsLock(p);
        }

        @Override
        public void close() throws IOException {
            holder.getOutputStream().close();
            try {
                holder.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            holder.destroy();
        }
    }

    /** Keys corosync itself stores while starting (exec/totemconfig.c), never read from the file. */
    static final class StartupKeys {
        static String explain(String line, Set<String> all) {
            if (line.startsWith("nodelist.local_node_pos ")) {
                return "totemconfig.c find_local_node caches the local node's index";
            }
            var m = java.util.regex.Pattern.compile("totem\\.interface\\.(\\d+)\\.bindnetaddr \\(str\\) = (.*)").matcher(line);
            if (m.matches()) {
                String ringLine = "(str) = " + m.group(2);
                boolean localAddress = all.stream().anyMatch(l -> l.matches("nodelist\\.node\\.\\d+\\.ring" + m.group(1)
                    + "_addr .*") && l.endsWith(ringLine));
                return localAddress ? "totemconfig.c stores the local node's ring" + m.group(1) + "_addr as bindnetaddr" : null;
            }
            if (line.matches("totem\\.interface\\.\\d+\\.(mcastaddr|mcastport) .*")) {
                return "totemconfig.c stores udp's computed multicast address and port";
            }
            if (line.matches("nodelist\\.node\\.\\d+\\.nodeid .*")) {
                return "totemconfig.c stores the node id it generated (udp/udpu without nodeid)";
            }
            return null;
        }

        private StartupKeys() {
        }
    }
}
