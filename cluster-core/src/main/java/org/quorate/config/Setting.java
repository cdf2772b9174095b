package org.quorate.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One named, typed setting with its default, range and documentation, declared once (after Ratis's
 * {@code RaftServerConfigKeys}). Values are read from a {@link Settings} by the setting itself, never by
 * position: {@code settings.get(QdeviceSettingKeys.NET_HEARTBEAT_INTERVAL_MIN)}.
 *
 * @param <T> the value's type; a null default means "unset" (the daemon then does without)
 */
public final class Setting<T> {
    private final String name;
    private final SettingType<T> type;
    private final Supplier<T> defaultValue;
    private final String defaultText;
    private final String doc;
    private final Support support;

    private Setting(Builder<T> b) {
        this.name = b.name;
        this.type = b.type;
        this.defaultValue = b.defaultValue;
        this.defaultText = b.defaultText;
        this.doc = Objects.requireNonNull(b.doc, () -> "setting " + b.name + " needs a doc line");
        this.support = b.support;
    }

    /** Starts a setting named {@code name} (lower case, as written after {@code -S}). */
    public static <T> Builder<T> builder(String name, SettingType<T> type) {
        return new Builder<>(name, type);
    }

    public String name() {
        return name;
    }

    public SettingType<T> type() {
        return type;
    }

    /** The default, computed now (defaults under a run directory follow the environment); null = unset. */
    public T defaultValue() {
        return defaultValue.get();
    }

    /** The default as the table shows it. */
    public String defaultText() {
        if (defaultText != null) {
            return defaultText;
        }
        T v = defaultValue();
        String text = v == null ? "" : type.format(v);
        return text.isEmpty() ? "(unset)" : text;
    }

    public String doc() {
        return doc;
    }

    public Support support() {
        return support;
    }

    /**
     * Parses {@code text} for this setting.
     *
     * @throws InvalidSettingException naming this setting, with the type's reason
     */
    public T parse(String text) throws InvalidSettingException {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(this, text, e.getMessage());
        }
    }

    /** Throws {@link IllegalArgumentException} naming this setting when {@code value} is out of range. */
    T requireValid(T value) {
        if (value != null) {
            String problem = type.check(value);
            if (problem != null) {
                throw new IllegalArgumentException(name + ": " + problem);
            }
        }
        return value;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Fluent declaration; {@link #build()} checks the default against the range. */
    public static final class Builder<T> {
        private final String name;
        private final SettingType<T> type;
        private Supplier<T> defaultValue = () -> null;
        private String defaultText;
        private String doc;
        private Support support = Support.IMPLEMENTED;

        private Builder(String name, SettingType<T> type) {
            if (!name.equals(name.toLowerCase(Locale.ROOT)) || name.isBlank()) {
                throw new IllegalArgumentException("setting names are lower case: '" + name + "'");
            }
            this.name = name;
            this.type = Objects.requireNonNull(type);
        }

        public Builder<T> defaultValue(T value) {
            this.defaultValue = () -> value;
            return this;
        }

        /** A default that depends on the environment (a run directory); {@code text} is what the table shows. */
        public Builder<T> defaultValue(Supplier<T> value, String text) {
            this.defaultValue = value;
            this.defaultText = text;
            return this;
        }

        /** One line: what the setting does (and for non-implemented ones, why). */
        public Builder<T> doc(String line) {
            this.doc = line;
            return this;
        }

        public Builder<T> support(Support s) {
            this.support = s;
            return this;
        }

        public Setting<T> build() {
            Setting<T> s = new Setting<>(this);
            if (defaultText == null) {
                s.requireValid(s.defaultValue());
            }
            return s;
        }
    }
}
