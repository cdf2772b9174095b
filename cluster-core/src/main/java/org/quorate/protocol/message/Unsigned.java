package org.quorate.protocol.message;

import java.util.List;

/** Range checks for the unsigned wire fields that Java holds in wider signed types. */
final class Unsigned {
    static final long U32_MAX = 0xFFFF_FFFFL;

    private Unsigned() {
    }

    /** Null (absent) passes; otherwise the value must fit in u32. */
    static Long u32(Long value, String name) {
        if (value != null && (value < 0 || value > U32_MAX)) {
            throw new IllegalArgumentException(name + " out of u32 range: " + value);
        }
        return value;
    }

    static Integer u16(Integer value, String name) {
        if (value != null && (value < 0 || value > 0xFFFF)) {
            throw new IllegalArgumentException(name + " out of u16 range: " + value);
        }
        return value;
    }

    static Integer u8(Integer value, String name) {
        if (value != null && (value < 0 || value > 0xFF)) {
            throw new IllegalArgumentException(name + " out of u8 range: " + value);
        }
        return value;
    }

    /** Null (absent) passes; otherwise an immutable copy whose items all fit in u16. */
    static List<Integer> u16List(List<Integer> values, String name) {
        if (values == null) {
            return null;
        }
        List<Integer> copy = List.copyOf(values);
        for (Integer v : copy) {
            u16(v, name);
        }
        return copy;
    }
}
