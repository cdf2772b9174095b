package org.quorate.conf;

import java.nio.charset.StandardCharsets;

/**
 * corosync's line grammar ({@code parse_section} in exec/coroparse.c of 3.1.7), one physical line at a
 * time. There is no token stream across lines: a line is blank, a whole-line comment, a section opening
 * (it contains a '{' anywhere), an item (it contains a ':'), or a section closing, tested in that order.
 * Only space and TAB count as white space (3.1.7; later corosync also strips NBSP).
 */
final class LineGrammar {
    /** fgets into a 512-byte buffer: 511 bytes and no newline in them is "Line too long". */
    static final int MAX_LINE_BYTES = 511;
    /** ICMAP_KEYNAME_MAXLEN. */
    static final int MAX_PATH = 255;

    private LineGrammar() {
    }

    /** One classified line. */
    sealed interface Line permits Ignored, Open, Close, Item {
    }

    /** Blank, or a whole-line comment ({@code comment} true). */
    record Ignored(boolean comment) implements Line {
    }

    record Open(String name) implements Line {
    }

    record Close() implements Line {
    }

    record Item(String key, String value) implements Line {
    }

    /** A line corosync refuses, with corosync's reason. */
    static final class LineError extends Exception {
        private static final long serialVersionUID = 1L;

        LineError(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Classifies one physical line, given without its '\n' (a '\r' before it is still there).
     *
     * @param isLast the line is the file's last and had no '\n'
     */
    static Line classify(String raw, boolean isLast) throws LineError {
        int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= MAX_LINE_BYTES) {
            // With a newline the buffer fills before it; without one (last line) exactly 511 bytes still fill
            // the buffer before fgets sees EOF.
            throw new LineError("Line too long");
        }
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        line = stripTrailing(line);
        int first = skipSpace(line, 0);
        if (first == line.length() || line.charAt(first) == '#') {
            return new Ignored(first < line.length());
        }
        int brace = line.indexOf('{');
        if (brace >= 0) {
            int after = skipSpace(line, brace + 1);
            String name = removeWhitespace(line.substring(0, after - 1), true);
            String rest = removeWhitespace(line.substring(after), false);
            if (name.isEmpty()) {
                throw new LineError("Missing section name before opening bracket '{'");
            }
            if (!rest.isEmpty()) {
                throw new LineError("Extra characters after opening bracket '{'");
            }
            return new Open(name);
        }
        int colon = line.indexOf(':');
        if (colon >= 0) {
            int after = skipSpace(line, colon + 1);
            String key = removeWhitespace(line.substring(0, after - 1), true);
            String value = removeWhitespace(line.substring(after), false);
            return new Item(key, value);
        }
        if (line.indexOf('}') >= 0) {
            if (!removeWhitespace(line, false).equals("}")) {
                throw new LineError("Extra characters before or after closing bracket '}'");
            }
            return new Close();
        }
        throw new LineError("Line is not opening or closing section or key value");
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * coroparse.c's {@code remove_whitespace}: leading blanks go; trailing blanks (and, for names, ':' and
     * '{') go too, but never the first remaining character, so a name of just ":" survives as ":".
     */
    static String removeWhitespace(String s, boolean colonAndBrace) {
        int start = skipSpace(s, 0);
        if (start == s.length()) {
            return "";
        }
        int end = s.length() - 1;
        while (end > start) {
            char c = s.charAt(end);
            if (isSpace(c) || (colonAndBrace && (c == ':' || c == '{'))) {
                end--;
            } else {
                break;
            }
        }
        return s.substring(start, end + 1);
    }
}
