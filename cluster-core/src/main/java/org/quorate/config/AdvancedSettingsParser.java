package org.quorate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the C daemons' {@code -S name=value[,name=value...]} argument. Parsing follows the C
 * lexer: items are split at commas, each at its first '=', names are case-insensitive, and an
 * empty item ends the list (everything after {@code ,,} is ignored).
 */
public final class AdvancedSettingsParser {
    /** One {@code name=value} pair, with the name lower-cased. */
    public record Item(String name, String value) {
    }

    private AdvancedSettingsParser() {
    }

    public static List<Item> split(String argument) {
        List<Item> items = new ArrayList<>();
        for (String item : argument.split(",", -1)) {
            if (item.isEmpty()) {
                break;
            }
            int eq = item.indexOf('=');
            String name = (eq < 0 ? item : item.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : item.substring(eq + 1);
            items.add(new Item(name, value));
        }
        return items;
    }

    /** The C daemons' boolean words: on/yes/1 and off/no/0, case-insensitive; null when neither. */
    public static Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "yes", "1" -> Boolean.TRUE;
            case "off", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A decimal integer in [min, max], or null when it is not one (the caller names the option). */
    public static Long parseLong(String value, long min, long max) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c == '-' || Character.isDigit(c))) {
            return null;
        }
        try {
            long v = Long.parseLong(value);
            return v < min || v > max ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
