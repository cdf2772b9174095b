package org.quorate.certs.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File I/O for the stores: whole-file reads with messages that name the file, and writes that never leave
 * a half-written key or certificate behind (temporary file, then rename).
 */
final class StoreFiles {
    private StoreFiles() {
    }

    static byte[] read(Path file, String what) throws CertStoreException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CertStoreException("Can't open " + what + " " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new CertStoreException("Can't read " + what + " " + file + " (" + FileAccess.ownerAndMode(file)
                    + ") as user " + FileAccess.currentUser() + ": permission denied");
        } catch (IOException e) {
            throw new CertStoreException("Can't read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes atomically with the given mode, replacing an existing file. */
    static void write(Path file, byte[] content, Set<PosixFilePermission> mode) throws CertStoreException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            Files.write(temporary, content);
            setMode(temporary, mode);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new CertStoreException("Can't write " + file + ": " + describe(e), e);
        }
    }

    /** Replaces the content of an existing file, keeping its mode, owner and group (like {@code echo > file}). */
    static void rewrite(Path file, byte[] content) throws CertStoreException {
        PosixFileAttributes before;
        try {
            before = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException e) {
            write(file, content, PosixFilePermissions.fromString("rw-rw----"));
            return;
        }
        write(file, content, before.permissions());
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (!view.readAttributes().owner().equals(before.owner())) {
                view.setOwner(before.owner());
            }
            if (!view.readAttributes().group().equals(before.group())) {
                view.setGroup(before.group());
            }
        } catch (IOException e) {
            // not root: the file keeps our ownership, as a non-root "echo >" into our own file would
        }
    }

    /** Creates the directory (and parents) with the mode; returns false when it already existed. */
    static boolean createDirectory(Path dir, Set<PosixFilePermission> mode) throws CertStoreException {
        if (Files.isDirectory(dir)) {
            return false;
        }
        try {
            Files.createDirectories(dir);
            setMode(dir, mode);
            return true;
        } catch (IOException e) {
            throw new CertStoreException("Can't create directory " + dir + ": " + describe(e), e);
        }
    }

    /**
     * Gives {@code file} the owner and group of {@code reference} when we run as root, like the C tool's
     * {@code chown --reference}, so that the daemon's group can read what root created.
     */
    static void chownLike(Path file, Path reference) {
        try {
            if (!isRoot() || !Files.exists(reference)) {
                return;
            }
            PosixFileAttributes attributes = Files.readAttributes(reference, PosixFileAttributes.class);
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            view.setOwner(attributes.owner());
            view.setGroup(attributes.group());
        } catch (IOException | UnsupportedOperationException e) {
            // The C tool ignores chown failures too; the file stays root-owned.
        }
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default mode
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
