package org.quorate.deploy.staging;

import java.util.List;

/**
 * Renders a man page from its hand-written roff template ({@code src/man/NAME.8.in}: NAME, DESCRIPTION,
 * FILES, EXIT STATUS, DIFFERENCES FROM THE C PROGRAM...) and the program's own {@code --help}, which fills
 * the {@code @SYNOPSIS@}, {@code @OPTIONS@} and {@code @HELP_NOTES@} markers.
 */
public final class ManPage {
    private ManPage() {
    }

    public static String render(String template, Command command, HelpText help, String version, String date) {
        String page = template
                .replace("@VERSION@", version)
                .replace("@DATE@", date)
                .replace("@SYNOPSIS@", ".B " + command.name() + "\n" + escape(help.synopsis()))
                .replace("@OPTIONS@", options(help.options()))
                .replace("@HELP_NOTES@", notes(help.notes()));
        for (String marker : List.of("@SYNOPSIS@", "@OPTIONS@", "@HELP_NOTES@", "@VERSION@", "@DATE@")) {
            if (page.contains(marker)) {
                throw new IllegalStateException(command.name() + ".8.in: " + marker + " left after rendering");
            }
        }
        if (!template.contains("@OPTIONS@") || !template.contains("@SYNOPSIS@")) {
            throw new IllegalArgumentException(command.name() + ".8.in lacks @SYNOPSIS@ or @OPTIONS@");
        }
        return page;
    }

    static String options(List<HelpText.Option> options) {
        StringBuilder s = new StringBuilder();
        for (HelpText.Option option : options) {
            s.append(".TP\n").append(flags(option.flags())).append('\n')
                    .append(escapeLine(option.description())).append('\n');
        }
        return s.toString().stripTrailing();
    }

    /** Flag words bold, their arguments italic: {@code \fB\-c\fR \fIcertificate\fR}. */
    static String flags(String flags) {
        StringBuilder s = new StringBuilder();
        for (String word : flags.split(" ")) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(word.startsWith("-") ? "\\fB" : "\\fI").append(escape(word)).append("\\fR");
        }
        return s.toString();
    }

    /** Paragraphs of the help that are neither usage nor options, kept as printed. */
    static String notes(List<String> notes) {
        StringBuilder s = new StringBuilder();
        for (String note : notes) {
            s.append(".PP\n.nf\n");
            for (String line : note.split("\n")) {
                s.append(escapeLine(line)).append('\n');
            }
            s.append(".fi\n");
        }
        return s.toString().stripTrailing();
    }

    /** roff text: backslashes and hyphens escaped. */
    static String escape(String text) {
        return text.replace("\\", "\\e").replace("-", "\\-");
    }

    /** One roff text line; a leading dot or quote would be read as a request. */
    static String escapeLine(String line) {
        String escaped = escape(line);
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
