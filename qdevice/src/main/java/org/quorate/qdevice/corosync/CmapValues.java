package org.quorate.qdevice.corosync;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * Converts a raw cmap value to the text form {@code corosync-cmapctl} prints, by its
 * {@code cmap_value_types_t}. Pure apart from reading the native buffer it is given.
 */
final class CmapValues {
    static final int INT8 = 1;
    static final int UINT8 = 2;
    static final int INT16 = 3;
    static final int UINT16 = 4;
    static final int INT32 = 5;
    static final int UINT32 = 6;
    static final int INT64 = 7;
    static final int UINT64 = 8;
    static final int FLOAT = 9;
    static final int DOUBLE = 10;
    static final int STRING = 11;
    static final int BINARY = 12;

    private CmapValues() {
    }

    /** The value as text; {@code len} is the byte length cmap reported. */
    static String toText(int type, Pointer data, long len) {
        return switch (type) {
            case INT8 -> Byte.toString(data.getByte(0));
            case UINT8 -> Integer.toString(Byte.toUnsignedInt(data.getByte(0)));
            case INT16 -> Short.toString(data.getShort(0));
            case UINT16 -> Integer.toString(Short.toUnsignedInt(data.getShort(0)));
            case INT32 -> Integer.toString(data.getInt(0));
            case UINT32 -> Integer.toUnsignedString(data.getInt(0));
            case INT64 -> Long.toString(data.getLong(0));
            case UINT64 -> Long.toUnsignedString(data.getLong(0));
            case FLOAT -> Float.toString(data.getFloat(0));
            case DOUBLE -> Double.toString(data.getDouble(0));
            case STRING -> string(data, len);
            default -> hex(data.getByteArray(0, (int) len));
        };
    }

    private static String string(Pointer data, long len) {
        byte[] b = data.getByteArray(0, (int) len);
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}
