package org.quorate.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The logs a slow test wants shown when it fails: daemon outputs, lab diagnostics, container logs,
 * registered as they come into being and printed by {@link LogsOnFailure}. Sources are kept for the
 * JVM's life (a closed lab or a stopped daemon still has its files), and read only on failure.
 */
public final class FailureLogs {
    /** A named source of log text, read when a test fails. */
    public record Source(String name, Supplier<String> text) {
    }

    private static final List<Source> SOURCES = new ArrayList<>();

    private FailureLogs() {
    }

    /** Registers {@code text} under {@code name}; it is called only if a test fails. */
    public static synchronized void register(String name, Supplier<String> text) {
        SOURCES.add(new Source(name, text));
    }

    /** Registers a log file: its last {@code lines} lines are shown (or that it is missing). */
    public static void registerFile(String name, Path file, int lines) {
        register(name + " (" + file + ")", () -> tail(file, lines));
    }

    /** How many sources there are now; {@link #since(int)} gives the ones registered after. */
    public static synchronized int mark() {
        return SOURCES.size();
    }

    public static synchronized List<Source> since(int mark) {
        return List.copyOf(SOURCES.subList(Math.min(mark, SOURCES.size()), SOURCES.size()));
    }

    /** The last {@code lines} lines of {@code file}; a missing or unreadable file says so. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
