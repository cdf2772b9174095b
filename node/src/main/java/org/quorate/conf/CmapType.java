package org.quorate.conf;

import java.math.BigInteger;

/**
 * The icmap value types a corosync.conf key can get at parse time, with the names {@code corosync-cmapctl}
 * prints and the integer ranges coroparse.c checks ({@code safe_atoq}, {@code str_to_ull}).
 */
public enum CmapType {
    U8("u8", 0, 255),
    U16("u16", 0, 65535),
    U32("u32", 0, 4294967295L),
    I32("i32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    U64("u64", 0, -1),
    STRING("str", 0, 0);

    private static final BigInteger U64_MOD = BigInteger.ONE.shiftLeft(64);

    private final String cmapName;
    private final long min;
    private final long max;

    CmapType(String cmapName, long min, long max) {
        this.cmapName = cmapName;
        this.min = min;
        this.max = max;
    }

    /** The type's name in {@code corosync-cmapctl} output, e.g. {@code u32}, {@code str}. */
    public String cmapName() {
        return cmapName;
    }

    public boolean isInteger() {
        return this != STRING;
    }

    /**
     * The canonical decimal text of {@code text} as corosync stores it, or null when corosync refuses it.
     * Integers are C {@code strtoll}/{@code strtoull} base 10: optional leading white space and sign, digits,
     * and nothing after them. {@code strtoull} accepts a minus sign and negates modulo 2^64, so
     * {@code config_version: -1} is stored as 18446744073709551615, as corosync does.
     */
    public String normalize(String text) {
        if (this == STRING) {
            return text;
        }
        int i = 0;
        while (i < text.length() && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || i != text.length()) {
            return null;
        }
        BigInteger magnitude = new BigInteger(text.substring(digits, i));
        if (this == U64) {
            if (magnitude.compareTo(U64_MOD) >= 0) {
                return null; // ERANGE
            }
            return (negative ? U64_MOD.subtract(magnitude).mod(U64_MOD) : magnitude).toString();
        }
        BigInteger value = negative ? magnitude.negate() : magnitude;
        if (value.bitLength() > 63 || value.longValueExact() < min || value.longValueExact() > max) {
            return null; // ERANGE from strtoll, or outside the target type
        }
        return value.toString();
    }

    /** coroparse.c's refusal for an integer key; {@code key} is the full cmap path. */
    public String rangeMessage(String key, String given) {
        long shownMax = this == U64 ? 0 : max;
        return "Value of key \"" + key + "\" is expected to be integer in range (" + min + ".." + shownMax
            + "), but \"" + given + "\" was given";
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
