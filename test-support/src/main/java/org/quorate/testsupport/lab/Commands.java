package org.quorate.testsupport.lab;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs host-side commands (ip, iptables, kill, ...) with a timeout; package-private plumbing. */
final class Commands {
    /** Root's tools live in sbin; a JVM started by Maven does not always have those on its PATH. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final File DEV_NULL = new File("/dev/null");

    private Commands() {
    }

    static ExecResult run(String host, List<String> argv, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        pb.environment().put("PATH", PATH);
        long t0 = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new ExecResult(host, argv, 127, "", "cannot start: " + e.getMessage(), false, Duration.ZERO);
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        boolean done;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv, e);
        }
        if (!done) {
            p.destroyForcibly();
        }
        try {
            int code = done ? p.exitValue() : -1;
            return new ExecResult(host, argv, code, out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS), !done,
                    Duration.ofNanos(System.nanoTime() - t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // a grandchild kept the pipe open after a timeout kill: report what we have
            return new ExecResult(host, argv, done ? p.exitValue() : -1, out.getNow(""), err.getNow(""), !done,
                    Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    static ExecResult run(List<String> argv) {
        return run("localhost", argv, Duration.ofSeconds(30));
    }

    static ExecResult run(String... argv) {
        return run(List.of(argv));
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** Absolute path of {@code command} on {@link #PATH}, or null. */
    static Path which(String command) {
        for (String dir : PATH.split(":")) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
