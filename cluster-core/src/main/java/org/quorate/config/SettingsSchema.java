package org.quorate.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings one program accepts, in table order, with what it does with a name it does not know and the
 * checks that span several settings (run once, when a {@link Settings} is built). One schema per program:
 * corosync-qdevice's {@code -S}, corosync-qnetd's {@code -S}, later the node layer's corosync.conf sections.
 */
public final class SettingsSchema {
    /** What a name outside the schema does. */
    public enum UnknownNames {
        /** {@code Unknown option 'NAME'}, as both C daemons' {@code -S}. */
        REJECT,
        /** A warning, and the item is skipped (corosync's own config parser for most sections). */
        WARN
    }

    private final String title;
    private final Map<String, Setting<?>> byName;
    private final UnknownNames unknownNames;
    private final List<Function<Settings, Optional<String>>> crossChecks;

    private SettingsSchema(String title, Map<String, Setting<?>> byName, UnknownNames unknownNames,
                           List<Function<Settings, Optional<String>>> crossChecks) {
        this.title = title;
        this.byName = Collections.unmodifiableMap(byName);
        this.unknownNames = unknownNames;
        this.crossChecks = List.copyOf(crossChecks);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** E.g. {@code corosync-qdevice -S}: the settings table's heading. */
    public String title() {
        return title;
    }

    public List<Setting<?>> settings() {
        return List.copyOf(byName.values());
    }

    /** The setting written as {@code name} (any case), or empty. */
    public Optional<Setting<?>> byName(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public UnknownNames unknownNames() {
        return unknownNames;
    }

    public boolean contains(Setting<?> setting) {
        return byName.get(setting.name()) == setting;
    }

    /** Every setting at its default. */
    public Settings defaults() {
        return new Settings(this, Map.of());
    }

    /** Starts from the defaults. */
    public Settings.Builder newSettings() {
        return defaults().toBuilder();
    }

    Optional<String> crossCheck(Settings settings) {
        for (Function<Settings, Optional<String>> check : crossChecks) {
            Optional<String> problem = check.apply(settings);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Declares a schema; {@link #build()} refuses two settings with one name. */
    public static final class Builder {
        private final String title;
        private final Map<String, Setting<?>> byName = new LinkedHashMap<>();
        private final List<Function<Settings, Optional<String>>> crossChecks = new ArrayList<>();
        private UnknownNames unknownNames = UnknownNames.REJECT;

        private Builder(String title) {
            this.title = title;
        }

        public Builder add(Setting<?>... settings) {
            for (Setting<?> s : settings) {
                if (byName.putIfAbsent(s.name(), s) != null) {
                    throw new IllegalArgumentException(title + ": setting " + s.name() + " declared twice");
                }
            }
            return this;
        }

        public Builder unknownNames(UnknownNames policy) {
            this.unknownNames = policy;
            return this;
        }

        /** A check over several settings; returns the user-facing message when they do not fit together. */
        public Builder crossCheck(Function<Settings, Optional<String>> check) {
            crossChecks.add(check);
            return this;
        }

        public SettingsSchema build() {
            return new SettingsSchema(title, byName, unknownNames, crossChecks);
        }
    }
}
