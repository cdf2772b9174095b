package org.quorate.certs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each certutil operation prints, Debian's C scripts next to Quorate's tools: stdout, stderr and the
 * exit code, compared byte for byte. The C scripts let NSS's certutil/pk12util print to the terminal
 * ("password file contains no data", "Generating key.  This may take a few moments...", "pk12util: PKCS12
 * EXPORT SUCCESSFUL", ...), and pvecm shows the whole output, so Quorate's must be the same. Only the
 * configuration directory (the C scripts' /etc/corosync is a temporary directory bind-mounted in a private
 * mount namespace; Quorate's is a temporary directory) and the program path ($0) are normalised. Prints the
 * table (operation, stdout same?, stderr same?, exit same?) and, for each difference, both outputs.
 */
@Tag("realstack")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RealToolsOutputTableTest {
    private static final String ETC = "/etc/corosync";
    private static final String NODE_DB = ETC + "/qdevice/net/nssdb";
    private static final String QNETD_DB = ETC + "/qnetd/nssdb";
    private static final String MISSING = "/nonexistent/quorate-output-test.crt";

    @TempDir
    Path tmp;

    /** One operation: the C command line (run in the namespace) and Quorate's (in-process, own conf dir). */
    private record Step(String label, String cCommand, Function<Path, CliRun> quorate) {
    }

    private record Output(int exitCode, String out, String err) {
    }

    private record Row(String label, Output c, Output q) {
        boolean outSame() {
            return c.out.equals(q.out);
        }

        boolean errSame() {
            return c.err.equals(q.err);
        }

        boolean exitSame() {
            return c.exitCode == q.exitCode;
        }
    }

    @Test
    void sameOutputAsTheCScripts() throws Exception {
        Path cHost = dir("c/host");
        Path qHost = dir("q/host");
        Path cSecond = dir("c/second");
        Path qSecond = dir("q/second");
        Path cG = dir("c/g");
        Path qG = dir("q/g");
        for (Path conf : List.of(cHost, qHost, cG, qG)) {
            Files.createDirectories(conf.resolve("qnetd"));  // the packages ship /etc/corosync/qnetd
        }
        String node = "corosync-qdevice-net-certutil";
        String qnetd = "corosync-qnetd-certutil";
        String crq = "qdevice/net/nssdb/qdevice-net-node.crq";
        String crt = "qnetd/nssdb/cluster-lab.crt";
        List<Row> rows = new ArrayList<>();

        run(rows, cHost, qHost, List.of(
                // any existing path passes the scripts' [ -e ] test: the qnetd directory reaches the db check
                new Step("qnetd -s, no db", qnetd + " -s -c " + ETC + "/qnetd -n lab",
                        q -> CliRun.qnetd(q, "-s", "-c", q.resolve("qnetd").toString(), "-n", "lab")),
                new Step("qnetd -i", qnetd + " -i", q -> CliRun.qnetd(q, "-i")),
                new Step("qnetd -i, db exists", qnetd + " -i", q -> CliRun.qnetd(q, "-i")),
                new Step("node -i, missing file", node + " -i -c " + MISSING, q -> CliRun.node(q, "-i", "-c", MISSING)),
                new Step("node -r, no db", node + " -r -n lab", q -> CliRun.node(q, "-r", "-n", "lab")),
                new Step("node -i -c", node + " -i -c " + QNETD_DB + "/qnetd-cacert.crt",
                        q -> CliRun.node(q, "-i", "-c", q.resolve("qnetd/nssdb/qnetd-cacert.crt").toString())),
                new Step("node -i, db exists", node + " -i -c " + QNETD_DB + "/qnetd-cacert.crt",
                        q -> CliRun.node(q, "-i", "-c", q.resolve("qnetd/nssdb/qnetd-cacert.crt").toString())),
                new Step("node -r, no cluster name", node + " -r", q -> CliRun.node(q, "-r")),
                new Step("node -r -n", node + " -r -n lab", q -> CliRun.node(q, "-r", "-n", "lab")),
                new Step("qnetd -s, missing file", qnetd + " -s -c " + MISSING + " -n lab",
                        q -> CliRun.qnetd(q, "-s", "-c", MISSING, "-n", "lab")),
                new Step("qnetd -s, no cluster name", qnetd + " -s -c " + ETC + "/" + crq,
                        q -> CliRun.qnetd(q, "-s", "-c", q.resolve(crq).toString())),
                new Step("qnetd -s", qnetd + " -s -c " + ETC + "/" + crq + " -n lab",
                        q -> CliRun.qnetd(q, "-s", "-c", q.resolve(crq).toString(), "-n", "lab")),
                new Step("node -M, missing file", node + " -M -c " + MISSING, q -> CliRun.node(q, "-M", "-c", MISSING)),
                new Step("node -M -c", node + " -M -c " + ETC + "/" + crt,
                        q -> CliRun.node(q, "-M", "-c", q.resolve(crt).toString()))));

        // a second node takes over the bundle; inputs outside /etc/corosync are copied to the same name
        Path input = dir("input");
        Path cInput = dir("c-input");
        Files.copy(cHost.resolve("qnetd/nssdb/qnetd-cacert.crt"), cInput.resolve("qnetd-cacert.crt"));
        Files.copy(cHost.resolve("qdevice/net/nssdb/qdevice-net-node.p12"), cInput.resolve("node.p12"));
        Files.copy(qHost.resolve("qnetd/nssdb/qnetd-cacert.crt"), input.resolve("qnetd-cacert.crt"));
        Files.copy(qHost.resolve("qdevice/net/nssdb/qdevice-net-node.p12"), input.resolve("node.p12"));
        run(rows, cSecond, qSecond, List.of(
                new Step("node -m, no db", node + " -m -c " + cInput.resolve("node.p12"),
                        q -> CliRun.node(q, "-m", "-c", input.resolve("node.p12").toString())),
                new Step("node -m, missing file", node + " -m -c " + MISSING, q -> CliRun.node(q, "-m", "-c", MISSING)),
                new Step("node -i -c (second)", node + " -i -c " + cInput.resolve("qnetd-cacert.crt"),
                        q -> CliRun.node(q, "-i", "-c", input.resolve("qnetd-cacert.crt").toString())),
                new Step("node -m -c", node + " -m -c " + cInput.resolve("node.p12"),
                        q -> CliRun.node(q, "-m", "-c", input.resolve("node.p12").toString()))),
                cInput, input);

        run(rows, cG, qG, List.of(new Step("qnetd -i -G", qnetd + " -i -G", q -> CliRun.qnetd(q, "-i", "-G"))));

        printTable(rows);
        SoftAssertions soft = new SoftAssertions();
        for (Row row : rows) {
            soft.assertThat(row.q.out).as("stdout of %s", row.label).isEqualTo(row.c.out);
            soft.assertThat(row.q.err).as("stderr of %s", row.label).isEqualTo(row.c.err);
            soft.assertThat(row.q.exitCode).as("exit code of %s", row.label).isEqualTo(row.c.exitCode);
        }
        soft.assertAll();
    }

    private void run(List<Row> rows, Path cConf, Path qConf, List<Step> steps) throws Exception {
        run(rows, cConf, qConf, steps, null, null);
    }

    /** {@code cInput}/{@code qInput}: a directory of inputs whose path is normalised like the conf dirs. */
    private void run(List<Row> rows, Path cConf, Path qConf, List<Step> steps, Path cInput, Path qInput)
            throws Exception {
        for (Step step : steps) {
            Output c = inNamespace(cConf, step.cCommand());
            CliRun q = step.quorate().apply(qConf);
            rows.add(new Row(step.label(), normalise(c, null, cInput), normalise(new Output(q.exitCode(), q.out(),
                    q.err()), qConf, qInput)));
        }
    }

    /** The conf dir becomes /etc/corosync, an input dir "INPUT", $0 its name without the directory. */
    private static Output normalise(Output output, Path conf, Path input) {
        Function<String, String> f = text -> {
            String t = text;
            if (conf != null) {
                t = t.replace(conf.toString(), ETC);
            }
            if (input != null) {
                t = t.replace(input.toString(), "INPUT");
            }
            return t.replace("/usr/sbin/corosync-qdevice-net-certutil", "corosync-qdevice-net-certutil")
                    .replace("/usr/bin/corosync-qnetd-certutil", "corosync-qnetd-certutil");
        };
        return new Output(output.exitCode, f.apply(output.out), f.apply(output.err));
    }

    private static void printTable(List<Row> rows) {
        StringBuilder table = new StringBuilder("\n| operation | stdout same? | stderr same? | exit same? (C/Quorate) |\n"
                + "| --- | --- | --- | --- |\n");
        StringBuilder details = new StringBuilder();
        for (Row row : rows) {
            table.append("| ").append(row.label).append(" | ").append(yes(row.outSame())).append(" | ")
                    .append(yes(row.errSame())).append(" | ").append(yes(row.exitSame())).append(" (")
                    .append(row.c.exitCode).append('/').append(row.q.exitCode).append(") |\n");
            if (!row.outSame() || !row.errSame()) {
                details.append("--- ").append(row.label).append("\nC stdout:\n").append(row.c.out)
                        .append("Quorate stdout:\n").append(row.q.out).append("C stderr:\n").append(row.c.err)
                        .append("Quorate stderr:\n").append(row.q.err).append('\n');
            }
        }
        System.out.println(table);
        System.out.println(details);
    }

    private static String yes(boolean same) {
        return same ? "yes" : "NO";
    }

    private Path dir(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    /** The C command in a private mount namespace with {@code conf} on /etc/corosync; stdout, stderr apart. */
    private static Output inNamespace(Path conf, String command) throws Exception {
        List<String> argv = List.of("unshare", "--mount", "--propagation", "private", "bash", "-c",
                "mount --bind '" + conf + "' " + ETC + " && " + command);
        Process process = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String stderr = err.get(30, TimeUnit.SECONDS);
        assertThat(stderr).as("the namespace's mount for %s", command).doesNotStartWith("mount:");
        return new Output(process.exitValue(), out, stderr);
    }
}
