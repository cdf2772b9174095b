package org.quorate.ipc.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * POSIX/GNU {@code getopt(3)} semantics for the admin tools, so that they accept and reject
 * exactly what the C tools do: clustered flags ({@code -sv}), attached or separate arguments
 * ({@code -p/x}, {@code -p /x}), operands anywhere (GNU permutation), {@code --} ending options,
 * and glibc's error texts. On top of that a few GNU long options (which the C tools lack) are
 * recognised: {@code --name}, {@code --name=value} or {@code --name value}.
 */
public final class Getopt {

    /** One parsed option: a short option character or a long option name, and its argument. */
    public record Option(char shortName, String longName, String argument) {
        public boolean is(char c) {
            return longName == null && shortName == c;
        }

        public boolean is(String name) {
            return name.equals(longName);
        }

        /** A parse error; {@link #argument()} holds the message (without the program name). */
        public boolean isError() {
            return longName == null && shortName == '?';
        }
    }

    /** The command line could not be parsed; the message is glibc's (without the program name). */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final String optstring;
    private final Set<String> longWithArgument;
    private final Set<String> longFlags;

    /**
     * @param optstring        getopt option string, e.g. {@code "Hhlsvc:p:"}
     * @param longFlags        long options without an argument
     * @param longWithArgument long options that take an argument
     */
    public Getopt(String optstring, Set<String> longFlags, Set<String> longWithArgument) {
        this.optstring = optstring;
        this.longFlags = longFlags;
        this.longWithArgument = longWithArgument;
    }

    /**
     * Parses {@code args} in order; operands (non-options) are skipped like GNU getopt does. A
     * parse error becomes the last element, an {@link Option#isError() error option} ('?') whose
     * argument is glibc's message, so that callers act on the options before it in order, as a
     * getopt loop does (e.g. {@code -h -x} prints only the usage).
     */
    public List<Option> parse(String[] args) {
        List<Option> options = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--")) {
                    break;
                }
                if (arg.startsWith("--")) {
                    i = parseLong(args, i, options);
                } else if (arg.length() > 1 && arg.charAt(0) == '-') {
                    i = parseShortCluster(args, i, options);
                }
            }
        } catch (UsageException e) {
            options.add(new Option('?', null, e.getMessage()));
        }
        return options;
    }

    private int parseShortCluster(String[] args, int i, List<Option> options) throws UsageException {
        String arg = args[i];
        for (int k = 1; k < arg.length(); k++) {
            char c = arg.charAt(k);
            int at = c == ':' ? -1 : optstring.indexOf(c);
            if (at < 0) {
                throw new UsageException("invalid option -- '" + c + "'");
            }
            boolean takesArgument = at + 1 < optstring.length() && optstring.charAt(at + 1) == ':';
            if (!takesArgument) {
                options.add(new Option(c, null, null));
                continue;
            }
            if (k + 1 < arg.length()) {
                options.add(new Option(c, null, arg.substring(k + 1)));
                return i;
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option requires an argument -- '" + c + "'");
            }
            options.add(new Option(c, null, args[i + 1]));
            return i + 1;
        }
        return i;
    }

    private int parseLong(String[] args, int i, List<Option> options) throws UsageException {
        String body = args[i].substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        if (longFlags.contains(name)) {
            if (eq >= 0) {
                throw new UsageException("option '--" + name + "' doesn't allow an argument");
            }
            options.add(new Option('\0', name, null));
            return i;
        }
        if (longWithArgument.contains(name)) {
            if (eq >= 0) {
                options.add(new Option('\0', name, body.substring(eq + 1)));
                return i;
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option '--" + name + "' requires an argument");
            }
            options.add(new Option('\0', name, args[i + 1]));
            return i + 1;
        }
        throw new UsageException("unrecognized option '--" + name + "'");
    }
}
