package org.quorate.ipc.tool;

/** What the admin tools print: the C tools' text, or the daemon's JSON (compact or indented). */
public enum OutputFormat {
    TEXT("text"),
    JSON("json"),
    JSON_PRETTY("json-pretty");

    private final String optionValue;

    OutputFormat(String optionValue) {
        this.optionValue = optionValue;
    }

    public String optionValue() {
        return optionValue;
    }

    public boolean isJson() {
        return this != TEXT;
    }

    /** The format for an {@code --output-format} value, or null when there is none. */
    public static OutputFormat fromOption(String value) {
        for (OutputFormat f : values()) {
            if (f.optionValue.equals(value)) {
                return f;
            }
        }
        return null;
    }
}
