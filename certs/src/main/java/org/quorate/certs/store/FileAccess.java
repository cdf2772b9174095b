package org.quorate.certs.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;

/**
 * Why a daemon cannot use its certificate directory, said the way an administrator fixes it: the path,
 * its owner and mode, and the user the daemon runs as. (After {@code pcs qdevice destroy net} and a new
 * setup the directory belongs to root, mode 0770, while qnetd runs as coroqnetd.)
 */
public final class FileAccess {
    private FileAccess() {
    }

    /** What the daemon's certificate directory lacks, or empty when it can be listed and entered. */
    public static Optional<DirectoryProblem> checkDirectory(Path dir) {
        try {
            Files.readAttributes(dir, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of(new DirectoryProblem(DirectoryProblem.Kind.MISSING, dir, ""));
        } catch (IOException e) {
            // stat itself failed: a directory above is closed to us; name that one
            Path closed = firstClosedAncestor(dir);
            return Optional.of(new DirectoryProblem(DirectoryProblem.Kind.NO_ACCESS, dir,
                    closed.equals(dir) ? ownerAndMode(dir) : "inside " + closed + ", " + ownerAndMode(closed)));
        }
        if (!Files.isDirectory(dir)) {
            return Optional.of(new DirectoryProblem(DirectoryProblem.Kind.NOT_A_DIRECTORY, dir, ownerAndMode(dir)));
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            return Optional.of(new DirectoryProblem(DirectoryProblem.Kind.NO_ACCESS, dir, ownerAndMode(dir)));
        }
        return Optional.empty();
    }

    private static Path firstClosedAncestor(Path dir) {
        Path absolute = dir.toAbsolutePath();
        for (int i = 1; i < absolute.getNameCount(); i++) {
            Path ancestor = absolute.getRoot().resolve(absolute.subpath(0, i));
            if (!Files.isExecutable(ancestor)) {
                return ancestor;
            }
        }
        return dir;
    }

    /** A directory problem and the C daemon's errno for it. */
    public record DirectoryProblem(Kind kind, Path dir, String ownerAndMode) {
        public enum Kind { MISSING, NOT_A_DIRECTORY, NO_ACCESS }

        /** The C daemon's line, {@code Can't open NSS DB directory (errno): strerror}. */
        public String cDaemonLine() {
            return switch (kind) {
                case MISSING -> "Can't open NSS DB directory (2): No such file or directory";
                case NOT_A_DIRECTORY -> "Can't open NSS DB directory (20): Not a directory";
                case NO_ACCESS -> "Can't open NSS DB directory (13): Permission denied";
            };
        }

        /** Ours, which names the path (and owner, mode and user where access is the problem). */
        public String message(String user) {
            return switch (kind) {
                case MISSING -> "Can't open NSS DB directory " + dir + ": no such directory";
                case NOT_A_DIRECTORY -> "Can't open NSS DB directory " + dir + " (" + ownerAndMode
                        + "): not a directory";
                case NO_ACCESS -> "Can't open NSS DB directory " + dir + " (" + ownerAndMode + ") as user " + user
                        + ": permission denied";
            };
        }
    }

    /** {@code owner root:coroqnetd, mode 0770}, or what could not be read. */
    public static String ownerAndMode(Path path) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return "owner " + attributes.owner().getName() + ":" + attributes.group().getName() + ", mode "
                    + FileModes.octal(attributes.permissions());
        } catch (IOException | UnsupportedOperationException e) {
            return "owner and mode unreadable: " + e.getMessage();
        }
    }

    /** The user this process runs as. */
    public static String currentUser() {
        return System.getProperty("user.name", "?");
    }
}
