package org.quorate.certs.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Permissions of created directories and files, as the C scripts give them (measured with the Debian
 * 3.0.3 scripts, see RealToolsModeTableTest). Files the scripts {@code chmod} get a fixed mode: the qnetd
 * tool 0770/0660 so that the group the daemon runs in (coroqnetd) can read the keys, or 0750/0640 with
 * {@code -G}; the node tool always 0770/0660. Files that NSS or a shell redirection creates follow the
 * umask: {@code certutil -o} opens with 0660, a redirection with 0666, {@code pk12util -o} with 0600.
 */
public record FileModes(Set<PosixFilePermission> directory, Set<PosixFilePermission> file) {
    public static final FileModes GROUP_WRITABLE = of("rwxrwx---", "rw-rw----");
    public static final FileModes GROUP_READ_ONLY = of("rwxr-x---", "rw-r-----");

    /** {@code pk12util -o}: owner only, whatever the umask. Our key bundles on the node side get this. */
    public static final Set<PosixFilePermission> KEY_EXPORT = PosixFilePermissions.fromString("rw-------");

    private static final int DEFAULT_UMASK = 022;

    public FileModes {
        directory = Set.copyOf(directory);
        file = Set.copyOf(file);
    }

    /** The qnetd tool's modes: {@code -G} drops the group write bit. */
    public static FileModes groupWriteBit(boolean set) {
        return set ? GROUP_WRITABLE : GROUP_READ_ONLY;
    }

    /** What {@code certutil -o file} gives a new file: 0660 less the umask (0640 under the usual 022). */
    public static Set<PosixFilePermission> nssOutput() {
        return masked(0660);
    }

    /** What a shell redirection ({@code > file}) gives a new file: 0666 less the umask. */
    public static Set<PosixFilePermission> shellRedirect() {
        return masked(0666);
    }

    static Set<PosixFilePermission> masked(int mode) {
        return fromBits(mode & ~umask());
    }

    /** The process umask from /proc/self/status (Linux 4.7+); 022 where it can't be read. */
    static int umask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring("Umask:".length()).trim(), 8);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or no procfs: assume the common default
        }
        return DEFAULT_UMASK;
    }

    /** {@code 0640} as {@code rw-r-----}. */
    public static Set<PosixFilePermission> fromBits(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                result.add(order[bit]);
            }
        }
        return result;
    }

    /** {@code rw-r-----} as {@code 0640}. */
    public static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission permission : mode) {
            bits |= switch (permission) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return String.format("%04o", bits);
    }

    private static FileModes of(String directory, String file) {
        return new FileModes(PosixFilePermissions.fromString(directory), PosixFilePermissions.fromString(file));
    }
}
