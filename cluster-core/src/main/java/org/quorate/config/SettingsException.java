package org.quorate.config;

/**
 * A command-line or configuration value was rejected. The message is the user-facing text (for the
 * C-compatible flags, the exact text the C daemon prints) and names the offending option.
 */
public class SettingsException extends Exception {
    public SettingsException(String message) {
        super(message);
    }
}
