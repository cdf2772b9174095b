package org.quorate.certs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quorate.certs.CertLayout;
import org.quorate.certs.store.NssTools;

/** Runs a command in-process against a temporary configuration directory and captures its output. */
record CliRun(int exitCode, String out, String err) {
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    static CliRun qnetd(Path confDir, String... args) {
        return run(confDir, console -> new QnetdCertutil(console).run(List.of(args)), "corosync-qnetd-certutil");
    }

    static CliRun node(Path confDir, QuickStart.Runner runner, String... args) {
        return run(confDir, console -> new QdeviceNetCertutil(console, runner).run(List.of(args)),
                "corosync-qdevice-net-certutil");
    }

    static CliRun node(Path confDir, String... args) {
        return node(confDir, (command, discard) -> {
            throw new AssertionError("no remote commands expected: " + command);
        }, args);
    }

    /** Like {@link #qnetd} with the NSS tools looked up on {@code searchPath} instead of this JVM's PATH. */
    static CliRun qnetdWithPath(Path confDir, String searchPath, String... args) {
        return run(confDir, console -> new QnetdCertutil(console).run(List.of(args)), "corosync-qnetd-certutil",
                NssTools.onPath(searchPath));
    }

    static CliRun nodeWithPath(Path confDir, String searchPath, String... args) {
        return run(confDir, console -> new QdeviceNetCertutil(console, (command, discard) -> {
            throw new AssertionError("no remote commands expected: " + command);
        }).run(List.of(args)), "corosync-qdevice-net-certutil", NssTools.onPath(searchPath));
    }

    private static CliRun run(Path confDir, java.util.function.ToIntFunction<Console> command, String program) {
        return run(confDir, command, program, NssTools.onSystemPath());
    }

    private static CliRun run(Path confDir, java.util.function.ToIntFunction<Console> command, String program,
            Optional<NssTools> nss) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), program, new CertLayout(confDir), () -> NOW, nss);
        int code = command.applyAsInt(console);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
