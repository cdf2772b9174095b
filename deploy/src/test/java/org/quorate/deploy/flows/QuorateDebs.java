package org.quorate.deploy.flows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The .deb files {@code mvn package} builds in deploy/target (system property {@code quorate.deploy.target}).
 * They are named after the C packages ({@code corosync-qnetd_3.0.3+quorate<ver>_all.deb}); builds from before
 * the rename named them {@code quorate-qnetd_<ver>_all.deb}. Both are accepted; when target/ holds several (an
 * old build left behind), a C-named one wins over an old name, and among those the newest file.
 */
public final class QuorateDebs {
    private static final Path TARGET = Path.of(System.getProperty("quorate.deploy.target", "target"));

    private QuorateDebs() {
    }

    /** Quorate's corosync-qnetd package. */
    public static Path qnetd() {
        return of("qnetd");
    }

    /** Quorate's corosync-qdevice package. */
    public static Path qdevice() {
        return of("qdevice");
    }

    /** Quorate's package for {@code component}, "qnetd" or "qdevice". */
    public static Path of(String component) {
        Pattern name = Pattern.compile("(corosync|quorate)-" + Pattern.quote(component) + "_.*_all\\.deb");
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> debs = files.filter(p -> {
                String n = p.getFileName().toString();
                return name.matcher(n).matches() && n.contains("quorate");
            }).sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("corosync-"))
                    .thenComparing(QuorateDebs::modified, Comparator.reverseOrder())).toList();
            if (debs.isEmpty()) {
                throw new IllegalStateException("no Quorate " + component + " package (" + name + ", with 'quorate'"
                        + " in its name) in " + TARGET.toAbsolutePath() + " (build them with mvn -pl deploy -am package)");
            }
            return debs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + TARGET.toAbsolutePath() + " (run mvn package first)", e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + p, e);
        }
    }
}
