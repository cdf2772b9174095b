package org.quorate.certs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.certs.store.FileModes;

/**
 * The mode and owner of every file and directory each certutil operation writes, Debian's C scripts next to
 * Quorate's, on the same sequence of operations (root, in a private mount namespace with a temporary
 * directory on /etc/corosync, like RealToolsInteropTest). Prints the table. Files both write must have the
 * same mode and owner; files only Quorate writes (its PKCS#12/PEM files) must be no wider than the C
 * tools' key container in the same directory (key4.db).
 */
@Tag("realstack")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RealToolsModeTableTest {
    private static final String ETC = "/etc/corosync";

    @TempDir
    Path tmp;

    /** One step: how C runs it (shell, /etc/corosync bound) and how Quorate runs it (in-process, conf dir). */
    private record Step(String label, String cCommand, Function<Path, CliRun> quorate) {
    }

    @Test
    void sameModesAsTheCScripts() throws Exception {
        Path cHost = dir("c/host");
        Path cSecond = dir("c/second");
        Path cG = dir("c/g");
        Path qHost = dir("q/host");
        Path qSecond = dir("q/second");
        Path qG = dir("q/g");
        // the packages create /etc/corosync/qnetd; the scripts chown new qnetd files like it
        for (Path conf : List.of(cHost, cG, qHost, qG)) {
            Files.createDirectories(conf.resolve("qnetd"));
        }
        Map<String, String> cModes = new TreeMap<>();
        Map<String, String> qModes = new TreeMap<>();
        Map<String, String> createdBy = new TreeMap<>();

        String crq = "qdevice/net/nssdb/qdevice-net-node.crq";
        List<Step> host = List.of(
                new Step("qnetd -i", "corosync-qnetd-certutil -i", q -> CliRun.qnetd(q, "-i")),
                new Step("node -i", "corosync-qdevice-net-certutil -i -c " + ETC + "/qnetd/nssdb/qnetd-cacert.crt",
                        q -> CliRun.node(q, "-i", "-c", q.resolve("qnetd/nssdb/qnetd-cacert.crt").toString())),
                new Step("node -r", "corosync-qdevice-net-certutil -r -n lab",
                        q -> CliRun.node(q, "-r", "-n", "lab")),
                new Step("qnetd -s", "corosync-qnetd-certutil -s -c " + ETC + "/" + crq + " -n lab",
                        q -> CliRun.qnetd(q, "-s", "-c", q.resolve(crq).toString(), "-n", "lab")),
                new Step("node -M", "corosync-qdevice-net-certutil -M -c " + ETC + "/qnetd/nssdb/cluster-lab.crt",
                        q -> CliRun.node(q, "-M", "-c", q.resolve("qnetd/nssdb/cluster-lab.crt").toString())));
        run(host, cHost, qHost, "host/", cModes, qModes, createdBy);

        Path cBundle = tmp.resolve("c-node.p12");
        Path qBundle = tmp.resolve("q-node.p12");
        Files.copy(cHost.resolve("qdevice/net/nssdb/qdevice-net-node.p12"), cBundle);
        Files.copy(qHost.resolve("qdevice/net/nssdb/qdevice-net-node.p12"), qBundle);
        Path cCa = cHost.resolve("qnetd/nssdb/qnetd-cacert.crt");
        Path qCa = qHost.resolve("qnetd/nssdb/qnetd-cacert.crt");
        List<Step> second = List.of(
                new Step("node -i", "corosync-qdevice-net-certutil -i -c " + cCa,
                        q -> CliRun.node(q, "-i", "-c", qCa.toString())),
                new Step("node -m", "corosync-qdevice-net-certutil -m -c " + cBundle,
                        q -> CliRun.node(q, "-m", "-c", qBundle.toString())));
        run(second, cSecond, qSecond, "second/", cModes, qModes, createdBy);

        run(List.of(new Step("qnetd -i -G", "corosync-qnetd-certutil -i -G", q -> CliRun.qnetd(q, "-i", "-G"))),
                cG, qG, "G/", cModes, qModes, createdBy);

        printTable(cModes, qModes, createdBy);

        for (Map.Entry<String, String> c : cModes.entrySet()) {
            assertThat(qModes.get(c.getKey())).as("mode and owner of %s (written by %s)", c.getKey(),
                    createdBy.get(c.getKey())).isEqualTo(c.getValue());
        }
        for (Map.Entry<String, String> q : qModes.entrySet()) {
            if (cModes.containsKey(q.getKey())) {
                continue;
            }
            String keyContainer = q.getKey().replaceAll("[^/]+$", "key4.db");
            String cKeyMode = cModes.get(keyContainer);
            assertThat(cKeyMode).as("C key container %s next to %s", keyContainer, q.getKey()).isNotNull();
            int ours = Integer.parseInt(q.getValue().substring(0, 4), 8);
            int theirs = Integer.parseInt(cKeyMode.substring(0, 4), 8);
            assertThat(ours & ~theirs).as("%s (%s) is wider than the C key container %s (%s)", q.getKey(),
                    q.getValue(), keyContainer, cKeyMode).isZero();
        }
    }

    private void run(List<Step> steps, Path cConf, Path qConf, String prefix, Map<String, String> cModes,
            Map<String, String> qModes, Map<String, String> createdBy) throws Exception {
        for (Step step : steps) {
            Map<String, String> cBefore = snapshot(cConf);
            Map<String, String> qBefore = snapshot(qConf);
            Result c = inNamespace(cConf, step.cCommand());
            System.out.println("$ C " + step.cCommand() + "  -> exit " + c.exitCode());
            assertThat(c.exitCode()).as(c.output()).isZero();
            CliRun q = step.quorate().apply(qConf);
            System.out.println("$ quorate " + step.label() + "  -> exit " + q.exitCode());
            assertThat(q.exitCode()).as(q.err()).isZero();
            record(prefix, step.label(), cBefore, snapshot(cConf), cModes, createdBy);
            record(prefix, step.label(), qBefore, snapshot(qConf), qModes, createdBy);
        }
    }

    private static void record(String prefix, String label, Map<String, String> before, Map<String, String> after,
            Map<String, String> modes, Map<String, String> createdBy) {
        after.forEach((path, mode) -> {
            if (!mode.equals(before.get(path))) {
                modes.put(prefix + path, mode);
                createdBy.putIfAbsent(prefix + path, label);
            }
        });
    }

    private static void printTable(Map<String, String> c, Map<String, String> q, Map<String, String> createdBy) {
        TreeMap<String, String> all = new TreeMap<>();
        c.keySet().forEach(k -> all.put(k, ""));
        q.keySet().forEach(k -> all.put(k, ""));
        StringBuilder table = new StringBuilder("\n| file | written by | C mode owner | Quorate mode owner |\n"
                + "| --- | --- | --- | --- |\n");
        for (String path : all.keySet()) {
            table.append("| ").append(path).append(" | ").append(createdBy.get(path)).append(" | ")
                    .append(c.getOrDefault(path, "-")).append(" | ").append(q.getOrDefault(path, "-"))
                    .append(" |\n");
        }
        System.out.println(table);
    }

    /** Every file and directory below {@code conf} (relative path) with "0660 root:root". */
    private static Map<String, String> snapshot(Path conf) throws Exception {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(conf)) {
            for (Path path : paths.filter(p -> !p.equals(conf)).toList()) {
                PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
                modes.put(conf.relativize(path) + (attributes.isDirectory() ? "/" : ""),
                        FileModes.octal(attributes.permissions()) + " " + attributes.owner().getName() + ":"
                                + attributes.group().getName());
            }
        }
        return modes;
    }

    private Path dir(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result inNamespace(Path conf, String command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "bash", "-c",
                "mount --bind '" + conf + "' " + ETC + " && " + command));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), output);
    }
}
