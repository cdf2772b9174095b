package org.quorate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The value kinds the daemons' settings use, written the way the C programs read them: decimal integers
 * without sign tricks ({@code utils_strtonum}), booleans as {@code on/yes/1} or {@code off/no/0} in any
 * case, durations as whole milliseconds.
 */
public final class SettingTypes {
    /** {@code UINT32_MAX}, the upper bound of the C daemons' millisecond settings. */
    public static final long UINT32_MAX = 0xFFFF_FFFFL;

    private SettingTypes() {
    }

    /** A decimal {@code int} in [min, max]. */
    public static SettingType<Integer> integer(int min, int max) {
        return new Ranged<>("integer", min, max, v -> (int) v, Integer::longValue);
    }

    /** A decimal {@code long} in [min, max]. */
    public static SettingType<Long> longInteger(long min, long max) {
        return new Ranged<>("integer", min, max, v -> v, v -> v);
    }

    /** Whole milliseconds in [minMs, maxMs], held as a {@link Duration}. */
    public static SettingType<Duration> millis(long minMs, long maxMs) {
        return new Ranged<>("duration (ms)", minMs, maxMs, Duration::ofMillis, Duration::toMillis);
    }

    /** The C daemons' boolean words. */
    public static SettingType<Boolean> bool() {
        return SettingType.of("boolean", "on/yes/1, off/no/0", AdvancedSettingsParser::parseBoolean,
                b -> b ? "on" : "off");
    }

    /** One of {@code words} (case-insensitive); the map's order is the table's. */
    public static <E> SettingType<E> oneOf(Map<String, E> words) {
        Map<String, E> lower = new LinkedHashMap<>();
        words.forEach((w, e) -> lower.put(w.toLowerCase(Locale.ROOT), e));
        String range = String.join(", ", lower.keySet());
        return SettingType.of("enum", range, t -> lower.get(t.toLowerCase(Locale.ROOT)),
                e -> lower.entrySet().stream().filter(x -> x.getValue().equals(e)).map(Map.Entry::getKey)
                        .findFirst().orElse(String.valueOf(e)));
    }

    /** Any text but the empty one. */
    public static SettingType<String> string() {
        return SettingType.of("string", "non-empty", t -> t.isEmpty() ? null : t, s -> s);
    }

    /** A file system path; empty is refused. */
    public static SettingType<Path> path() {
        return SettingType.of("path", "non-empty", t -> t.isEmpty() ? null : Path.of(t), Path::toString);
    }

    /** Octal digits up to {@code max} (a umask). */
    public static SettingType<Integer> octal(int max) {
        return SettingType.of("octal", "0.." + Integer.toOctalString(max), t -> {
            if (t.isEmpty() || t.length() > 4 || !t.chars().allMatch(c -> c >= '0' && c <= '7')) {
                return null;
            }
            int v = Integer.parseInt(t, 8);
            return v <= max ? v : null;
        }, v -> "0" + Integer.toOctalString(v));
    }

    /** Free text where empty and {@code -1} mean "unset" (the C daemons' {@code local_socket_gid}). */
    public static SettingType<java.util.Optional<String>> optionalText(String name, String range) {
        return SettingType.of(name, range,
                t -> t.isEmpty() || t.equals("-1") ? java.util.Optional.empty() : java.util.Optional.of(t),
                v -> v.orElse(""));
    }

    /** A decimal fraction in [min, max]. */
    public static SettingType<Double> decimal(double min, double max) {
        return SettingType.of("decimal", format(min) + ".." + format(max), t -> {
            try {
                double d = Double.parseDouble(t);
                return d >= min && d <= max ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }, SettingTypes::format);
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Integers kept as a long while parsing and range checking, then converted to {@code T}. */
    private record Ranged<T>(String name, long min, long max, java.util.function.LongFunction<T> wrap,
                             java.util.function.ToLongFunction<T> unwrap) implements SettingType<T> {
        @Override
        public String range() {
            return min + ".." + max;
        }

        @Override
        public T parse(String text) {
            Long v = AdvancedSettingsParser.parseLong(text, Long.MIN_VALUE, Long.MAX_VALUE);
            if (v == null) {
                throw new IllegalArgumentException("expected a decimal integer in " + range());
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be in " + range() + ", got " + v);
            }
            return wrap.apply(v);
        }

        @Override
        public String check(T value) {
            long v = unwrap.applyAsLong(value);
            return v < min || v > max ? "must be in " + range() + ", got " + v : null;
        }

        @Override
        public String format(T value) {
            return Long.toString(unwrap.applyAsLong(value));
        }
    }
}
