package org.quorate.deploy.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The .deb files {@code mvn package} builds in deploy/target. They are named after the C packages
 * ({@code corosync-qnetd_3.0.3+quorate<ver>_all.deb}); older builds named them {@code quorate-qnetd_<ver>_all.deb}.
 * Both are accepted, so the tests do not depend on which packaging branch built them; when a target
 * directory holds both (an old build left behind), the newest file wins.
 */
public final class QuorateDebs {
    private static final Path TARGET = Path.of(System.getProperty("quorate.deploy.target", "target"));

    private QuorateDebs() {
    }

    /** Quorate's corosync-qnetd package. */
    public static Path qnetd() {
        return find("qnetd");
    }

    /** Quorate's corosync-qdevice package. */
    public static Path qdevice() {
        return find("qdevice");
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + p, e);
        }
    }

    private static Path find(String part) {
        List<String> accepted = List.of("corosync-" + part + "_", "quorate-" + part + "_");
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> found = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith("_all.deb") && accepted.stream().anyMatch(n::startsWith)
                        && n.contains("quorate");
            }).sorted(Comparator.comparing(QuorateDebs::modified).reversed()).toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no Quorate " + part + " package ("
                        + String.join("*.deb or ", accepted) + "*quorate*.deb) in " + TARGET.toAbsolutePath()
                        + " (run mvn package in deploy first)");
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + TARGET.toAbsolutePath() + " (run mvn package first)", e);
        }
    }
}
