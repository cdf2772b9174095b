package org.quorate.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line parsing with the semantics of glibc {@code getopt(3)}, because the C daemons and tools
 * are driven by scripts (systemd units, pvecm, crmsh) that rely on exactly how they accept flags:
 * clustered short flags ({@code -fd}), an argument glued or separate ({@code -p5403}, {@code -p 5403}),
 * {@code --} ending the options, and non-option words permuted to the end.
 *
 * <p>Long options ({@code --name}, {@code --name=value} or {@code --name value}) are an addition of
 * Quorate's and are only recognised when declared, so the C-compatible flags never change meaning.
 */
public final class Getopt {
    /** One parsed option: its character (or 0 for a long option), long name, and argument. */
    public record Option(char flag, String longName, String argument) {
        /** Whether this is the short option {@code c}. */
        public boolean is(char c) {
            return longName == null && flag == c;
        }

        /** Whether this is the long option {@code --name}. */
        public boolean is(String name) {
            return name.equals(longName);
        }
    }

    /** Thrown for an unknown option or a missing argument; the message is glibc's text. */
    public static final class GetoptException extends Exception {
        private final char flag;

        public GetoptException(String message, char flag) {
            super(message);
            this.flag = flag;
        }

        /** The offending option character, or 0 for a long option. */
        public char flag() {
            return flag;
        }
    }

    /** The result: options in command-line order and the remaining non-option words. */
    public record Result(List<Option> options, List<String> operands) {
    }

    /**
     * What a C getopt loop sees before it stops: the options up to the first error, and that error (null
     * when there is none). Programs that act on each option as it comes use this, so that, as in the C
     * tools, {@code -h -x} prints the usage for {@code -h} and never gets to report {@code -x}.
     */
    public record Scan(List<Option> options, List<String> operands, GetoptException error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final String program;
    private final String optstring;
    private final Map<String, Boolean> longOptions;

    /**
     * @param program     the name used in error messages, as glibc uses {@code argv[0]}
     * @param optstring   a getopt option string such as {@code "46dfhvc:l:m:p:S:s:"}
     * @param longOptions declared long options, mapped to whether they take an argument
     */
    public Getopt(String program, String optstring, Map<String, Boolean> longOptions) {
        this.program = program;
        this.optstring = optstring.startsWith(":") ? optstring.substring(1) : optstring;
        this.longOptions = Map.copyOf(longOptions);
    }

    public Getopt(String program, String optstring) {
        this(program, optstring, Map.of());
    }

    /** All options and operands, or the first error. */
    public Result parse(String[] args) throws GetoptException {
        Scan scan = scan(args);
        if (scan.failed()) {
            throw scan.error();
        }
        return new Result(scan.options(), scan.operands());
    }

    /** The options and operands up to the first error, and that error; never throws. */
    public Scan scan(String[] args) {
        List<Option> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        GetoptException error = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--")) {
                    operands.addAll(List.of(args).subList(i + 1, args.length));
                    break;
                }
                if (arg.startsWith("--")) {
                    i = parseLong(args, i, options);
                } else if (arg.startsWith("-") && arg.length() > 1) {
                    i = parseShortCluster(args, i, options);
                } else {
                    operands.add(arg);
                }
            }
        } catch (GetoptException e) {
            error = e;
        }
        return new Scan(List.copyOf(options), List.copyOf(operands), error);
    }

    private int parseShortCluster(String[] args, int i, List<Option> out) throws GetoptException {
        String arg = args[i];
        for (int pos = 1; pos < arg.length(); pos++) {
            char c = arg.charAt(pos);
            int at = c == ':' ? -1 : optstring.indexOf(c);
            if (at < 0) {
                throw new GetoptException(program + ": invalid option -- '" + c + "'", c);
            }
            boolean takesArgument = at + 1 < optstring.length() && optstring.charAt(at + 1) == ':';
            if (!takesArgument) {
                out.add(new Option(c, null, null));
                continue;
            }
            if (pos + 1 < arg.length()) {
                out.add(new Option(c, null, arg.substring(pos + 1)));
                return i;
            }
            if (i + 1 >= args.length) {
                throw new GetoptException(program + ": option requires an argument -- '" + c + "'", c);
            }
            out.add(new Option(c, null, args[i + 1]));
            return i + 1;
        }
        return i;
    }

    private int parseLong(String[] args, int i, List<Option> out) throws GetoptException {
        String body = args[i].substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Boolean takesArgument = longOptions.get(name);
        if (takesArgument == null) {
            throw new GetoptException(program + ": unrecognized option '--" + name + "'", (char) 0);
        }
        if (!takesArgument) {
            if (eq >= 0) {
                throw new GetoptException(program + ": option '--" + name + "' doesn't allow an argument", (char) 0);
            }
            out.add(new Option((char) 0, name, null));
            return i;
        }
        if (eq >= 0) {
            out.add(new Option((char) 0, name, body.substring(eq + 1)));
            return i;
        }
        if (i + 1 >= args.length) {
            throw new GetoptException(program + ": option '--" + name + "' requires an argument", (char) 0);
        }
        out.add(new Option((char) 0, name, args[i + 1]));
        return i + 1;
    }

    /** Prints a getopt error the way the C programs do: message on stderr, usage on stdout. */
    public static void report(GetoptException e, PrintStream err) {
        err.println(e.getMessage());
    }

    /** Convenience for tests and tools: the set of long option names. */
    public Set<String> longOptionNames() {
        return longOptions.keySet();
    }
}
