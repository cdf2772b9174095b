package org.quorate.votequorum;

import java.util.ArrayList;
import java.util.List;

/**
 * auto_tie_breaker's mode and node list, parsed as corosync's {@code parse_atb_string} does: {@code lowest},
 * {@code highest}, or a list of node ids read with {@code strtol} until the first 0 or non-number
 * (recognised as a list only when {@code atoi} of the whole string is non-zero).
 */
public record AutoTieBreaker(Mode mode, List<Long> nodes) {
    public static final AutoTieBreaker NONE = new AutoTieBreaker(Mode.NONE, List.of());
    public static final AutoTieBreaker LOWEST = new AutoTieBreaker(Mode.LOWEST, List.of());

    /** {@code runtime.votequorum.atb_type} values. */
    public enum Mode { NONE, LOWEST, HIGHEST, LIST }

    public AutoTieBreaker {
        nodes = List.copyOf(nodes);
    }

    public boolean enabled() {
        return mode != Mode.NONE;
    }

    /** The parsed value; {@link #NONE} for a string corosync does not accept (it then logs and disables ATB). */
    public static AutoTieBreaker parse(String value) {
        Mode mode = Mode.NONE;
        if (value.equals("lowest")) {
            mode = Mode.LOWEST;
        }
        if (value.equals("highest")) {
            mode = Mode.HIGHEST;
        }
        List<Long> list = new ArrayList<>();
        int[] pos = {0};
        if (strtol(value, new int[] {0}) != 0) {
            long n;
            while ((n = strtol(value, pos)) != 0) {
                list.add(n);
            }
            if (!list.isEmpty()) {
                mode = Mode.LIST;
            }
        }
        return mode == Mode.NONE ? NONE : new AutoTieBreaker(mode, list);
    }

    /** C's {@code strtol(s + pos, &end, 10)}: skips blanks, reads an optional sign and digits, advances pos. */
    private static long strtol(String s, int[] pos) {
        int i = pos[0];
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int digits = i;
        long n = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && n < Integer.MAX_VALUE) {
            n = n * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == digits) {
            return 0;
        }
        pos[0] = i;
        return negative ? -n : n;
    }
}
