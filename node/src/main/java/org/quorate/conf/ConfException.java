package org.quorate.conf;

import java.util.Optional;

/**
 * A corosync.conf that cannot be used: one message naming the file, the line and (where there is one) the
 * key. Grammar errors read as corosync prints them ({@code parser error: FILE:LINE: REASON}); the reason
 * uses corosync's wording wherever corosync has a message for the case. Unchecked, so that callers which
 * only ever read files they wrote themselves need not declare it.
 */
public final class ConfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where the reason was found: a grammar error, a typed value, or a check of the typed views. */
    public enum Stage { GRAMMAR, VALUE, VALIDATION, WRITE }

    private final String file;
    private final int line;
    private final String key;
    private final String reason;
    private final Stage stage;

    public ConfException(Stage stage, String file, int line, String key, String reason) {
        super(format(stage, file, line, key, reason));
        this.stage = stage;
        this.file = file;
        this.line = line;
        this.key = key;
        this.reason = reason;
    }

    private static String format(Stage stage, String file, int line, String key, String reason) {
        String where = line > 0 ? file + ":" + line : file;
        // Grammar and value errors are corosync's own (coroparse.c formats them so, and the value
        // message already quotes the key); later checks name the key themselves.
        if (stage == Stage.GRAMMAR || stage == Stage.VALUE) {
            return "parser error: " + where + ": " + reason;
        }
        return where + ": " + (key == null || reason.contains(key) ? "" : key + ": ") + reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem has no single line (a key missing from the whole file). */
    public int line() {
        return line;
    }

    /** The cmap key (or section path) concerned, if any. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The reason alone, without file and line (corosync's wording where corosync has one). */
    public String reason() {
        return reason;
    }

    public Stage stage() {
        return stage;
    }
}
