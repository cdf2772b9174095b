package org.quorate.conf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Resolves the user and group names of {@code uidgid} sections, as coroparse.c does with getpwnam/getgrnam.
 * A number is taken as the id itself.
 */
public interface UserDb {
    OptionalLong uid(String user);

    OptionalLong gid(String group);

    /** Numbers only: every name is unknown (for pure use and tests). */
    static UserDb numericOnly() {
        return new UserDb() {
            @Override
            public OptionalLong uid(String user) {
                return number(user);
            }

            @Override
            public OptionalLong gid(String group) {
                return number(group);
            }
        };
    }

    /**
     * Numbers, then the names of /etc/passwd and /etc/group (no NSS: files only), read only when a
     * {@code uidgid} section names a user or group, so that parsing stays free of I/O otherwise.
     */
    static UserDb system() {
        return new UserDb() {
            @Override
            public OptionalLong uid(String user) {
                OptionalLong n = number(user);
                Map<String, Long> users = n.isPresent() ? Map.of() : readIds(Path.of("/etc/passwd"));
                return n.isPresent() || !users.containsKey(user) ? n : OptionalLong.of(users.get(user));
            }

            @Override
            public OptionalLong gid(String group) {
                OptionalLong n = number(group);
                Map<String, Long> groups = n.isPresent() ? Map.of() : readIds(Path.of("/etc/group"));
                return n.isPresent() || !groups.containsKey(group) ? n : OptionalLong.of(groups.get(group));
            }
        };
    }

    private static OptionalLong number(String text) {
        String n = CmapType.U32.normalize(text);
        return n == null || text.isEmpty() || !Character.isDigit(text.charAt(0)) && text.charAt(0) != '+'
            ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(n));
    }

    private static Map<String, Long> readIds(Path file) {
        Map<String, Long> ids = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && f[2].matches("\\d{1,10}")) {
                    ids.putIfAbsent(f[0], Long.parseLong(f[2]));
                }
            }
        } catch (IOException e) {
            // No database: every name is unknown, as getpwnam would say.
        }
        return ids;
    }
}
