package org.quorate.config;

import java.util.function.Function;

/**
 * How one kind of setting value is written and checked: the type's name and range for the settings table,
 * the parser for the text a user wrote, and the check that a programmatic value is in range.
 *
 * @param <T> the Java type settings of this kind hold
 */
public interface SettingType<T> {
    /** Short name for the settings table, e.g. {@code integer}, {@code duration (ms)}, {@code boolean}. */
    String name();

    /** The accepted values in words, e.g. {@code 1..2147483647} or {@code on/yes/1, off/no/0}. */
    String range();

    /**
     * The value {@code text} stands for.
     *
     * @throws IllegalArgumentException with a reason (not naming the setting; the caller does) when
     *                                  {@code text} is not such a value or lies out of range
     */
    T parse(String text);

    /** Null when {@code value} is acceptable, else the reason it is not. */
    String check(T value);

    /** {@code value} as the user would write it (for the table's defaults and for dumps). */
    String format(T value);

    /** A type built from its parts, for the few settings whose text has its own shape (host:port, octal). */
    static <T> SettingType<T> of(String name, String range, Function<String, T> parser, Function<T, String> format) {
        return new SettingType<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String range() {
                return range;
            }

            @Override
            public T parse(String text) {
                T value = parser.apply(text);
                if (value == null) {
                    throw new IllegalArgumentException("expected " + name + " (" + range + ")");
                }
                return value;
            }

            @Override
            public String check(T value) {
                return null;
            }

            @Override
            public String format(T value) {
                return format.apply(value);
            }
        };
    }
}
