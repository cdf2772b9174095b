package org.quorate.link.keygen;

import java.util.List;

/**
 * corosync-keygen's options (tools/corosync-keygen.c, 3.1.7): the short letter, the long name, whether it takes
 * an argument. One table, read by the parser and checked against the man page and --help by the tests.
 */
public enum KeygenOption {
    KEY_FILE('k', "key-file", true),
    LESS_SECURE('l', "less-secure", false),
    RANDOM_FILE('r', "random-file", true),
    SIZE('s', "size", true),
    HELP('h', "help", false);

    private final char letter;
    private final String longName;
    private final boolean takesArgument;

    KeygenOption(char letter, String longName, boolean takesArgument) {
        this.letter = letter;
        this.longName = longName;
        this.takesArgument = takesArgument;
    }

    public char letter() {
        return letter;
    }

    public String longName() {
        return longName;
    }

    public boolean takesArgument() {
        return takesArgument;
    }

    static KeygenOption ofLetter(char c) {
        for (KeygenOption o : values()) {
            if (o.letter == c) {
                return o;
            }
        }
        return null;
    }

    /** The long options whose name starts with {@code prefix} (an exact name is the only match). */
    static List<KeygenOption> matching(String prefix) {
        for (KeygenOption o : values()) {
            if (o.longName.equals(prefix)) {
                return List.of(o);
            }
        }
        return java.util.Arrays.stream(values()).filter(o -> o.longName.startsWith(prefix)).toList();
    }
}
