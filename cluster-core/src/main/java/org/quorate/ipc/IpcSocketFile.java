package org.quorate.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates the listening unix socket file the way the C daemons do: a stale socket left by a
 * crashed daemon is removed first (the lock file already guarantees no other instance runs), and
 * the optional umask/group settings are applied to the new file.
 */
final class IpcSocketFile {
    private IpcSocketFile() {
    }

    static ServerSocketChannel bind(IpcServerSettings settings) throws IpcServerException {
        Path path = settings.socketFile();
        checkDirectory(path);
        removeStale(path);
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(path), settings.backlog());
            applyPermissions(path, settings);
            channel.configureBlocking(false);
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new IpcServerException("Can't create IPC socket " + path + ": " + describe(e), e);
        }
    }

    static void delete(Path path) {
        try {
            if (isSocket(path)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // Best effort: the next start removes a stale file anyway.
        }
    }

    private static void checkDirectory(Path path) throws IpcServerException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IpcServerException("Can't create IPC socket " + path + ": directory " + dir
                    + " does not exist (create it or set local_socket_file)", null);
        }
        if (!Files.isWritable(dir) || !Files.isExecutable(dir)) {
            throw new IpcServerException("Can't create IPC socket " + path + ": directory " + dir
                    + " is not writable by this user", null);
        }
    }

    /** Removes a left-over socket; refuses to delete anything that is not a socket. */
    private static void removeStale(Path path) throws IpcServerException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isOther()) {
                throw new IpcServerException("Can't create IPC socket " + path
                        + ": a file that is not a socket exists at that path", null);
            }
            Files.delete(path);
        } catch (NoSuchFileException absent) {
            // Nothing stale.
        } catch (IpcServerException e) {
            throw e;
        } catch (IOException e) {
            throw new IpcServerException("Can't remove stale IPC socket " + path + ": " + describe(e), e);
        }
    }

    private static void applyPermissions(Path path, IpcServerSettings settings) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (settings.socketUmask() != null) {
            view.setPermissions(modeWithout(settings.socketUmask()));
        }
        if (settings.socketGroup() != null) {
            GroupPrincipal group = path.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(settings.socketGroup());
            view.setGroup(group);
        }
    }

    /** Permissions 0777 minus the umask, as bind(2) would create them under that umask. */
    static Set<PosixFilePermission> modeWithout(int umask) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((umask & (1 << bit)) == 0) {
                perms.add(order[bit]);
            }
        }
        return perms;
    }

    private static boolean isSocket(Path path) throws IOException {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                && Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    private static String describe(Exception e) {
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing.
            }
        }
    }
}
