package org.quorate.votequorum.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Field limits shared by the message records and the codec. */
final class Wire {
    /** {@code VOTEQUORUM_QDEVICE_MAX_NAME_LEN}: a name field is 255 bytes, NUL included. */
    static final int NAME_FIELD_BYTES = 255;
    static final long U32_MAX = 0xFFFF_FFFFL;

    private Wire() {
    }

    static void checkU32(String field, long value) {
        if (value < 0 || value > U32_MAX) {
            throw new IllegalArgumentException(field + " out of u32 range: " + value);
        }
    }

    static void checkName(String field, String name) {
        Objects.requireNonNull(name, field);
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= NAME_FIELD_BYTES) {
            throw new IllegalArgumentException(field + " is " + bytes + " bytes, at most "
                    + (NAME_FIELD_BYTES - 1) + " fit: " + name);
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " contains a NUL byte");
        }
    }
}
