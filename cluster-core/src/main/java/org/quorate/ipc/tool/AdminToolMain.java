package org.quorate.ipc.tool;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.quorate.cli.Getopt;

/**
 * The command-line flow corosync-qnetd-tool and corosync-qdevice-tool share (spec §12.5): options
 * acted on in command-line order like the C tools' getopt loops, {@code -h}, {@code -p},
 * {@code --help} and {@code --output-format}, then one request through {@link AdminToolClient}. A tool
 * brings only its own flags and the request line they make.
 */
public final class AdminToolMain {
    /**
     * What stays the same for every run of one tool.
     *
     * @param daemon         "qnetd" or "qdevice", for the help text
     * @param ownOptions     the getopt letters of the tool's own flags (without {@code h} and {@code p:})
     * @param ownHelp        the help lines of those flags
     * @param connectFailure e.g. "Can't connect to qnetd socket (is QNetd running?)"
     */
    public record Tool(String program, String usage, String daemon, String ownOptions, String ownHelp,
                       Path defaultSocket, String connectFailure) {
        /** The {@code --help} text: the usage line, the tool's own flags, then the shared ones. */
        public String help() {
            return usage + "\n\n"
                    + "Query or stop a running corosync-" + daemon + " through its local socket.\n\n"
                    + ownHelp
                    + "  -p path              IPC socket (default " + defaultSocket + ")\n"
                    + "  -h                   print the usage line and exit with status 1, like the C tool\n"
                    + "  --output-format FMT  text (default), json or json-pretty; JSON needs a Quorate " + daemon + "\n"
                    + "                       (schema: docs/json-status.md)\n"
                    + "  --help               print this help and exit\n\n"
                    + "Exit status: 0 success, 1 usage, 2 internal error, 3 cannot connect or unknown answer,\n"
                    + "4 the daemon returned an error.\n";
        }
    }

    /** The tool's own flags, applied in command-line order; a fresh instance for every run. */
    public interface Request {
        /** Takes one of the tool's own flags; {@code argument} is null for a flag without one. */
        void flag(char flag, String argument);

        /** Whether the flags chose an operation; without one the tool prints its usage. */
        boolean hasOperation();

        /** Whether the chosen operation answers in JSON when asked to (shutdown answers nothing). */
        boolean answersInJson();

        /** The request line the C tool sends; {@code json} adds the Quorate word {@code json}. */
        String line(boolean json);
    }

    private AdminToolMain() {
    }

    public static int run(Tool tool, Request request, String[] args, PrintStream out, PrintStream err) {
        Getopt.Scan options = new Getopt(tool.program(), "h" + tool.ownOptions() + "p:",
                Map.of("help", false, "output-format", true)).scan(args);
        Path socket = tool.defaultSocket();
        OutputFormat format = OutputFormat.TEXT;
        for (Getopt.Option o : options.options()) {
            if (o.is("help")) {
                out.print(tool.help());
                return AdminToolClient.EXIT_OK;
            } else if (o.is("output-format")) {
                format = OutputFormat.fromOption(o.argument());
                if (format == null) {
                    err.println(tool.program() + ": invalid --output-format '" + o.argument()
                            + "' (expected text, json or json-pretty)");
                    return usage(tool, out);
                }
            } else if (o.is('h')) {
                return usage(tool, out);
            } else if (o.is('p')) {
                socket = Path.of(o.argument());
            } else {
                request.flag(o.flag(), o.argument());
            }
        }
        if (options.failed()) {
            err.println(options.error().getMessage());
            return usage(tool, out);
        }
        if (!request.hasOperation()) {
            return usage(tool, out);
        }
        boolean json = format.isJson() && request.answersInJson();
        AdminToolClient client = new AdminToolClient(tool.program(), tool.connectFailure(), out, err);
        return client.run(socket, request.line(json), json ? JsonOutput.filter(format, socket.toString()) : p -> p);
    }

    /**
     * A request line as the C tools write it: each word followed by a space, then a newline.
     * {@code verbose} and the Quorate word {@code json} come right after the operation.
     */
    public static String requestLine(String operation, boolean verbose, boolean json, String... moreWords) {
        StringBuilder sb = new StringBuilder(operation).append(' ');
        if (verbose) {
            sb.append("verbose ");
        }
        if (json) {
            sb.append("json ");
        }
        for (String word : moreWords) {
            sb.append(word).append(' ');
        }
        return sb.append('\n').toString();
    }

    private static int usage(Tool tool, PrintStream out) {
        out.println(tool.usage());
        out.flush();
        return AdminToolClient.EXIT_USAGE;
    }
}
