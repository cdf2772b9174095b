package org.quorate.certs.store;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Permissions of created directories and files. The C qnetd tool uses 0770/0660 so that the group the
 * daemon runs in (coroqnetd) can read the keys, or 0750/0640 with {@code -G}.
 */
public record FileModes(Set<PosixFilePermission> directory, Set<PosixFilePermission> file) {
    public static final FileModes GROUP_WRITABLE = of("rwxrwx---", "rw-rw----");
    public static final FileModes GROUP_READ_ONLY = of("rwxr-x---", "rw-r-----");

    public FileModes {
        directory = Set.copyOf(directory);
        file = Set.copyOf(file);
    }

    /** The qnetd tool's modes: {@code -G} drops the group write bit. */
    public static FileModes groupWriteBit(boolean set) {
        return set ? GROUP_WRITABLE : GROUP_READ_ONLY;
    }

    private static FileModes of(String directory, String file) {
        return new FileModes(PosixFilePermissions.fromString(directory), PosixFilePermissions.fromString(file));
    }
}
