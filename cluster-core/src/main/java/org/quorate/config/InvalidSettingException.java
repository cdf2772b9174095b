package org.quorate.config;

/**
 * A value that does not fit its setting. The message is the C daemons' {@code Invalid value 'V' for option
 * 'NAME'} (scripts match on it); {@link #reason()} says what was expected.
 */
public final class InvalidSettingException extends SettingsException {
    private final transient Setting<?> setting;
    private final String reason;

    public InvalidSettingException(Setting<?> setting, String value, String reason) {
        this(setting, setting.name(), value, reason);
    }

    /** {@code writtenName} is the name as the user spelled it (the C message echoes it). */
    public InvalidSettingException(Setting<?> setting, String writtenName, String value, String reason) {
        super("Invalid value '" + value + "' for option '" + writtenName + "'");
        this.setting = setting;
        this.reason = reason;
    }

    public Setting<?> setting() {
        return setting;
    }

    /** E.g. {@code must be in 1..4294967295, got 0}. */
    public String reason() {
        return reason;
    }
}
