package org.quorate.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The C daemons' lock file: parent directory created 0770 if missing, file 0640, an exclusive
 * {@code fcntl} write lock (which is what {@link FileChannel#tryLock()} takes on Linux), and the PID in
 * decimal followed by a newline. A second instance gets "Another instance is running".
 */
public final class PidLockFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private PidLockFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IOException naming the file, with "Another instance is running" when it is locked */
    public static PidLockFile acquire(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
            // Set explicitly: the attribute given at creation is filtered through the umask.
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwx---"));
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("Can't acquire lock file " + path + ": Another instance is running");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new PidLockFile(path, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            Files.deleteIfExists(path);
        }
    }
}
