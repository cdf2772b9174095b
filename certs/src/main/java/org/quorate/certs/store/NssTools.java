package org.quorate.certs.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * NSS's own command-line tools, {@code certutil} and {@code pk12util} (Debian package libnss3-tools), found
 * on a search path. Quorate never links NSS: it runs these to write the NSS database beside its PKCS#12
 * files (so pcs, crmsh and the C programs recognise the store) and to read a C tools' database once.
 */
public final class NssTools {
    /** Said once by an operation that would have written an NSS database. */
    public static final String MISSING = "NSS tools (certutil, pk12util from libnss3-tools) not found: writing"
            + " PKCS#12 only; pcs and the C tools will not recognise this store";

    private static final long TIMEOUT_SECONDS = 120;

    private final Path certutil;
    private final Path pk12util;

    private NssTools(Path certutil, Path pk12util) {
        this.certutil = certutil;
        this.pk12util = pk12util;
    }

    /**
     * The search path a shell uses when {@code PATH} is unset (dash's and execvp's default). pcs runs every
     * tool with no {@code PATH} at all; the C scripts then still find certutil through their shell, so must we.
     */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** The tools on this process's {@code PATH}, or on {@link #DEFAULT_PATH} when it is unset or empty. */
    public static Optional<NssTools> onSystemPath() {
        return onPath(effectivePath(System.getenv("PATH")));
    }

    static String effectivePath(String path) {
        return path == null || path.isBlank() ? DEFAULT_PATH : path;
    }

    /** Both tools from the directories of {@code searchPath} (colon separated), or empty when one is missing. */
    public static Optional<NssTools> onPath(String searchPath) {
        Optional<Path> certutil = find("certutil", searchPath);
        Optional<Path> pk12util = find("pk12util", searchPath);
        if (certutil.isEmpty() || pk12util.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NssTools(certutil.get(), pk12util.get()));
    }

    private static Optional<Path> find(String tool, String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    Result certutil(List<String> arguments) throws CertStoreException {
        return run(certutil, arguments);
    }

    Result pk12util(List<String> arguments) throws CertStoreException {
        return run(pk12util, arguments);
    }

    private static Result run(Path tool, List<String> arguments) throws CertStoreException {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        String name = tool.getFileName().toString();
        try {
            Process process = builder.start();
            // Small outputs: read stderr on a helper thread so neither pipe can fill up and block NSS.
            CompletableFuture<byte[]> stderr = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    stderr.complete(process.getErrorStream().readAllBytes());
                } catch (IOException e) {
                    stderr.complete(new byte[0]);
                }
            }, "nss-stderr");
            reader.setDaemon(true);
            reader.start();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CertStoreException(name + " did not finish within " + TIMEOUT_SECONDS + " s: "
                        + String.join(" ", command));
            }
            return new Result(name, process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new CertStoreException("Can't run " + tool + " (from the libnss3-tools package): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertStoreException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /** What a tool run gave. */
    record Result(String tool, int exitCode, byte[] stdout, byte[] stderr) {
        boolean ok() {
            return exitCode == 0;
        }

        String describe() {
            String text = (new String(stderr, StandardCharsets.UTF_8) + " " + new String(stdout,
                    StandardCharsets.UTF_8)).replace("password file contains no data", "").trim();
            return tool + " exit code " + exitCode + (text.isEmpty() ? "" : " (" + text.replaceAll("\\s+", " ") + ")");
        }
    }
}
