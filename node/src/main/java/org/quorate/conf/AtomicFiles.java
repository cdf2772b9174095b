package org.quorate.conf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The file operations of an atomic replace, one method per step so that a test can fail any of them (a
 * crash between two steps). The real implementation: temporary file in the target's directory, write,
 * fsync, rename over the target, fsync the directory.
 */
public interface AtomicFiles {
    Path createTemp(Path dir, String prefix) throws IOException;

    void write(Path file, byte[] bytes) throws IOException;

    void fsync(Path file) throws IOException;

    void rename(Path from, Path to) throws IOException;

    void fsyncDirectory(Path dir) throws IOException;

    void deleteIfExists(Path file) throws IOException;

    /** The operating system's. */
    static AtomicFiles system() {
        return new AtomicFiles() {
            @Override
            public Path createTemp(Path dir, String prefix) throws IOException {
                return Files.createTempFile(dir, prefix, ".tmp");
            }

            @Override
            public void write(Path file, byte[] bytes) throws IOException {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer b = ByteBuffer.wrap(bytes);
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                }
            }

            @Override
            public void fsync(Path file) throws IOException {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }

            @Override
            public void rename(Path from, Path to) throws IOException {
                if (Files.exists(to)) {
                    // keep the target's mode (corosync.conf is usually 0644; createTempFile makes 0600)
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(to);
                    Files.setPosixFilePermissions(from, mode);
                }
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }

            @Override
            public void fsyncDirectory(Path dir) throws IOException {
                try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                    ch.force(true);
                }
            }

            @Override
            public void deleteIfExists(Path file) throws IOException {
                Files.deleteIfExists(file);
            }
        };
    }
}
