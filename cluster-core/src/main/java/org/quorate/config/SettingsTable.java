package org.quorate.config;

/**
 * Prints a schema as a markdown table (name, type, default, range, used, doc), so docs/settings.md is
 * generated from the declarations and a test can tell when the committed file drifts from them.
 */
public final class SettingsTable {
    private SettingsTable() {
    }

    public static String markdown(SettingsSchema schema) {
        StringBuilder sb = new StringBuilder();
        sb.append("| name | type | default | range | used | description |\n");
        sb.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Setting<?> s : schema.settings()) {
            sb.append("| `").append(s.name()).append("` | ")
                    .append(cell(s.type().name())).append(" | ")
                    .append(cell(s.defaultText())).append(" | ")
                    .append(cell(s.type().range())).append(" | ")
                    .append(s.support().label()).append(" | ")
                    .append(cell(s.doc())).append(" |\n");
        }
        return sb.toString();
    }

    /**
     * {@code document} with the text between {@code <!-- BEGIN settings ID -->} and {@code <!-- END settings ID -->}
     * replaced by {@code table}, so a committed document can hold several generated tables beside prose.
     *
     * @throws IllegalArgumentException when the markers are missing
     */
    public static String replaceSection(String document, String id, String table) {
        String begin = "<!-- BEGIN settings " + id + " -->\n";
        String end = "<!-- END settings " + id + " -->";
        int b = document.indexOf(begin);
        int e = document.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("no '" + begin.trim() + "' ... '" + end + "' section");
        }
        return document.substring(0, b + begin.length()) + table + document.substring(e);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
