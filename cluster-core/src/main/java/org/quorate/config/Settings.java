package org.quorate.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, validated set of values for one {@link SettingsSchema}, read by setting:
 * {@code settings.get(QnetdSettingKeys.HEARTBEAT_INTERVAL_MIN)}. A setting not given holds its default.
 * Instances come from {@link Builder#build()}, which has checked every value and the schema's cross checks.
 */
public final class Settings {
    private final SettingsSchema schema;
    private final Map<Setting<?>, Object> given;

    Settings(SettingsSchema schema, Map<Setting<?>, Object> given) {
        this.schema = schema;
        this.given = Map.copyOf(given);
    }

    public SettingsSchema schema() {
        return schema;
    }

    /** The value of {@code setting}: the one given, else its default (null = unset). */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        requireInSchema(setting);
        return given.containsKey(setting) ? (T) given.get(setting) : setting.defaultValue();
    }

    /** True when the value was given (command line, file, code) rather than defaulted. */
    public boolean isGiven(Setting<?> setting) {
        requireInSchema(setting);
        return given.containsKey(setting);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private void requireInSchema(Setting<?> setting) {
        if (!schema.contains(setting)) {
            throw new IllegalArgumentException(setting.name() + " is not a setting of " + schema.title());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(schema.title()).append('{');
        given.forEach((s, v) -> sb.append(s.name()).append('=').append(v).append(", "));
        return sb.append('}').toString();
    }

    /** Collects values; {@link #build()} runs the cross checks once. Not thread-safe. */
    public static final class Builder {
        private final SettingsSchema schema;
        private final Map<Setting<?>, Object> given;
        private final List<String> warnings = new ArrayList<>();

        private Builder(Settings from) {
            this.schema = from.schema;
            this.given = new HashMap<>(from.given);
        }

        /** Sets {@code setting} from code; throws {@link IllegalArgumentException} naming it when out of range. */
        public <T> Builder set(Setting<T> setting, T value) {
            if (!schema.contains(setting)) {
                throw new IllegalArgumentException(setting.name() + " is not a setting of " + schema.title());
            }
            given.put(setting, setting.requireValid(value));
            return this;
        }

        /**
         * Applies one {@code name=value} item as the user wrote it.
         *
         * @return the warning to print for it (deprecated or unknown-but-tolerated names), else empty
         * @throws SettingsException {@code Unknown option 'NAME'} or {@link InvalidSettingException}
         */
        public Optional<String> apply(AdvancedSettingsParser.Item item) throws SettingsException {
            Optional<Setting<?>> found = schema.byName(item.name());
            if (found.isEmpty()) {
                if (schema.unknownNames() == SettingsSchema.UnknownNames.REJECT) {
                    throw new SettingsException("Unknown option '" + item.name() + "'");
                }
                return warn("Unknown option '" + item.name() + "' ignored");
            }
            Setting<?> setting = found.get();
            try {
                given.put(setting, setting.type().parse(item.value()));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(setting, item.name(), item.value(), e.getMessage());
            }
            if (setting.support() == Support.DEPRECATED) {
                return warn("Option '" + item.name() + "' is deprecated and has no effect anymore");
            }
            return Optional.empty();
        }

        /** Applies a whole {@code -S} argument ({@code name=value,name=value}); returns the warnings in order. */
        public List<String> applyAll(String argument) throws SettingsException {
            List<String> out = new ArrayList<>();
            for (AdvancedSettingsParser.Item item : AdvancedSettingsParser.split(argument)) {
                apply(item).ifPresent(out::add);
            }
            return out;
        }

        private Optional<String> warn(String text) {
            warnings.add(text);
            return Optional.of(text);
        }

        /** Every warning {@link #apply} returned so far. */
        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        /** The validated settings; the first failing cross check becomes the exception's message. */
        public Settings build() throws SettingsException {
            Settings s = new Settings(schema, given);
            Optional<String> problem = schema.crossCheck(s);
            if (problem.isPresent()) {
                throw new SettingsException(problem.get());
            }
            return s;
        }

        /** {@link #build()} for code whose values are known to fit (tests, embedded defaults). */
        public Settings buildOrThrow() {
            try {
                return build();
            } catch (SettingsException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
