package org.quorate.qdevice.admin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.quorate.cli.Getopt;
import org.quorate.ipc.tool.AdminToolClient;
import org.quorate.ipc.tool.JsonOutput;
import org.quorate.ipc.tool.OutputFormat;

/**
 * {@code corosync-qdevice-tool}: flags, messages and exit codes of the C tool (spec §12.5), plus
 * {@code --output-format text|json|json-pretty} and {@code --help}.
 */
public final class QdeviceTool {
    static final String PROGRAM = "corosync-qdevice-tool";
    static final String USAGE = "usage: " + PROGRAM + " [-Hhsv] [-p qdevice_ipc_socket_path]";
    static final String CONNECT_FAILED = "Can't connect to QDevice socket (is QDevice running?)";

    /** The operation selected by -H/-s; the last one given wins. */
    enum Operation { NONE, SHUTDOWN, STATUS }

    private QdeviceTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Getopt.Scan options = new Getopt(PROGRAM, "Hhsvp:", Map.of("help", false, "output-format", true)).scan(args);
        Operation operation = Operation.NONE;
        boolean verbose = false;
        Path socket = QdeviceAdminIpc.DEFAULT_SOCKET;
        OutputFormat format = OutputFormat.TEXT;
        for (Getopt.Option o : options.options()) {
            if (o.is("help")) {
                out.print(help());
                return AdminToolClient.EXIT_OK;
            } else if (o.is("output-format")) {
                format = OutputFormat.fromOption(o.argument());
                if (format == null) {
                    err.println(PROGRAM + ": invalid --output-format '" + o.argument()
                            + "' (expected text, json or json-pretty)");
                    return usage(out);
                }
            } else if (o.is('H')) {
                operation = Operation.SHUTDOWN;
            } else if (o.is('s')) {
                operation = Operation.STATUS;
            } else if (o.is('v')) {
                verbose = true;
            } else if (o.is('p')) {
                socket = Path.of(o.argument());
            } else if (o.is('h')) {
                return usage(out);
            }
        }
        if (options.failed()) {
            err.println(options.error().getMessage());
            return usage(out);
        }
        if (operation == Operation.NONE) {
            return usage(out);
        }
        boolean json = format.isJson() && operation == Operation.STATUS;
        AdminToolClient client = new AdminToolClient(PROGRAM, CONNECT_FAILED, out, err);
        return client.run(socket, request(operation, verbose, json),
                json ? JsonOutput.filter(format, socket.toString()) : p -> p);
    }

    /** The request line the C tool sends, with the Quorate word {@code json} when asked for. */
    static String request(Operation operation, boolean verbose, boolean json) {
        StringBuilder sb = new StringBuilder(switch (operation) {
            case SHUTDOWN -> "shutdown ";
            case STATUS -> "status ";
            case NONE -> throw new IllegalStateException("no operation");
        });
        if (verbose) {
            sb.append("verbose ");
        }
        if (json) {
            sb.append("json ");
        }
        return sb.append('\n').toString();
    }

    private static int usage(PrintStream out) {
        out.println(USAGE);
        out.flush();
        return AdminToolClient.EXIT_USAGE;
    }

    static String help() {
        return USAGE + "\n\n"
                + "Query or stop a running corosync-qdevice through its local socket.\n\n"
                + "  -s                   show the qdevice status\n"
                + "  -H                   shut the daemon down\n"
                + "  -v                   verbose output\n"
                + "  -p path              IPC socket (default " + QdeviceAdminIpc.DEFAULT_SOCKET + ")\n"
                + "  -h                   print the usage line and exit with status 1, like the C tool\n"
                + "  --output-format FMT  text (default), json or json-pretty; JSON needs a Quorate qdevice\n"
                + "                       (schema: docs/json-status.md)\n"
                + "  --help               print this help and exit\n\n"
                + "Exit status: 0 success, 1 usage, 2 internal error, 3 cannot connect or unknown answer,\n"
                + "4 the daemon returned an error.\n";
    }
}
