package org.quorate.ipc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one IPC request line into words (spec §12.1).
 *
 * <p>Words are separated by ASCII white space; a {@code \n} or {@code \r} ends the request. The
 * {@link Mode#QUOTING} variant (qnetd) also understands {@code "…"} groups and backslash escapes;
 * {@link Mode#PLAIN} (qdevice) takes every other byte literally.
 *
 * <p>The C daemons treat an empty word as "no more words", so {@code ""} in the middle of a request
 * ends it; {@link #split} therefore stops at the first empty word. Words are C strings on the other
 * side, so a NUL byte ends the word's visible text.
 */
public final class IpcLexer {

    /** Which lexer a daemon uses. */
    public enum Mode { PLAIN, QUOTING }

    /** Lexer states; one method each. */
    private enum State { SKIP_SPACE, WORD, BACKSLASH, QUOTED, QUOTED_BACKSLASH, DONE }

    private final byte[] input;
    private final Mode mode;
    private int pos;

    private IpcLexer(byte[] input, Mode mode) {
        this.input = input;
        this.mode = mode;
    }

    /** All words of {@code request} up to the end of its first line, stopping at the first empty word. */
    public static List<String> split(byte[] request, Mode mode) {
        IpcLexer lexer = new IpcLexer(request, mode);
        List<String> words = new ArrayList<>();
        for (String word = lexer.next(); !word.isEmpty(); word = lexer.next()) {
            words.add(word);
        }
        return words;
    }

    public static List<String> split(String request, Mode mode) {
        return split(request.getBytes(StandardCharsets.UTF_8), mode);
    }

    /**
     * Compares a request word with a command keyword case-insensitively in the C locale only
     * (strcasecmp), so that no Unicode case folding makes e.g. {@code "ſtatus"} a command.
     */
    public static boolean keyword(String word, String keyword) {
        if (word.length() != keyword.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (asciiLower(word.charAt(i)) != asciiLower(keyword.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Quotes {@code word} the way the C tools do: in double quotes, with {@code "} and {@code \} escaped. */
    public static String quote(String word) {
        StringBuilder sb = new StringBuilder(word.length() + 2).append('"');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private String next() {
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        State state = State.SKIP_SPACE;
        while (state != State.DONE) {
            int ch = pos < input.length ? input[pos] & 0xff : -1;
            state = switch (state) {
                case SKIP_SPACE -> skipSpace(ch);
                case WORD -> word(ch, word);
                case BACKSLASH -> backslash(ch, word);
                case QUOTED -> quoted(ch, word);
                case QUOTED_BACKSLASH -> quotedBackslash(ch, word);
                case DONE -> State.DONE;
            };
        }
        return cString(word.toByteArray());
    }

    private State skipSpace(int ch) {
        if (ch < 0 || isLineEnd(ch)) {
            return State.DONE;
        }
        if (isSpace(ch)) {
            pos++;
            return State.SKIP_SPACE;
        }
        return State.WORD;
    }

    private State word(int ch, ByteArrayOutputStream word) {
        if (ch < 0 || isSpace(ch)) {
            return State.DONE;
        }
        if (mode == Mode.QUOTING && ch == '\\') {
            pos++;
            return State.BACKSLASH;
        }
        if (mode == Mode.QUOTING && ch == '"') {
            pos++;
            return State.QUOTED;
        }
        pos++;
        word.write(ch);
        return State.WORD;
    }

    /** Outside quotes a backslash makes the next character literal; at the end of the line it is dropped. */
    private State backslash(int ch, ByteArrayOutputStream word) {
        if (ch < 0 || isLineEnd(ch)) {
            return State.DONE;
        }
        pos++;
        word.write(ch);
        return State.WORD;
    }

    /** An unterminated quote simply ends at the end of the line. */
    private State quoted(int ch, ByteArrayOutputStream word) {
        if (ch < 0 || isLineEnd(ch)) {
            return State.DONE;
        }
        pos++;
        if (ch == '\\') {
            return State.QUOTED_BACKSLASH;
        }
        if (ch == '"') {
            return State.WORD;
        }
        word.write(ch);
        return State.QUOTED;
    }

    /** Inside quotes only {@code \"} and {@code \\} are escapes; any other pair is kept as written. */
    private State quotedBackslash(int ch, ByteArrayOutputStream word) {
        if (ch < 0 || isLineEnd(ch)) {
            return State.DONE;
        }
        pos++;
        if (ch != '\\' && ch != '"') {
            word.write('\\');
        }
        word.write(ch);
        return State.QUOTED;
    }

    private static boolean isLineEnd(int ch) {
        return ch == '\n' || ch == '\r';
    }

    /** The C locale's white space, without depending on the JVM's notion of it. */
    private static boolean isSpace(int ch) {
        return ch == ' ' || ch == '\f' || ch == '\n' || ch == '\r' || ch == '\t' || ch == 0x0b;
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
