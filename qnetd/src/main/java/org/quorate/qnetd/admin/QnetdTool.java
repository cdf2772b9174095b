package org.quorate.qnetd.admin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.quorate.cli.Getopt;
import org.quorate.ipc.IpcLexer;
import org.quorate.ipc.tool.AdminToolClient;
import org.quorate.ipc.tool.JsonOutput;
import org.quorate.ipc.tool.OutputFormat;

/**
 * {@code corosync-qnetd-tool}: flags, messages and exit codes of the C tool (spec §12.5), plus
 * {@code --output-format text|json|json-pretty} and {@code --help}.
 */
public final class QnetdTool {
    static final String PROGRAM = "corosync-qnetd-tool";
    static final String USAGE = "usage: " + PROGRAM + " [-Hhlsv] [-c cluster_name] [-p qnetd_ipc_socket_path]";
    static final String CONNECT_FAILED = "Can't connect to qnetd socket (is QNetd running?)";

    /** The operation selected by -H/-l/-s; the last one given wins. */
    enum Operation { NONE, SHUTDOWN, STATUS, LIST }

    private QnetdTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        AdminToolClient client = new AdminToolClient(PROGRAM, CONNECT_FAILED, out, err);
        Getopt.Scan options = new Getopt(PROGRAM, "Hhlsvc:p:", Map.of("help", false, "output-format", true)).scan(args);
        Operation operation = Operation.NONE;
        boolean verbose = false;
        String cluster = null;
        Path socket = QnetdAdminIpc.DEFAULT_SOCKET;
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
            } else if (o.is('l')) {
                operation = Operation.LIST;
            } else if (o.is('s')) {
                operation = Operation.STATUS;
            } else if (o.is('v')) {
                verbose = true;
            } else if (o.is('c')) {
                cluster = o.argument();
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
        boolean json = format.isJson() && operation != Operation.SHUTDOWN;
        String request = request(operation, verbose, json, cluster);
        return client.run(socket, request, json ? JsonOutput.filter(format, socket.toString()) : p -> p);
    }

    /** The request line the C tool sends, with the Quorate word {@code json} when asked for. */
    static String request(Operation operation, boolean verbose, boolean json, String cluster) {
        StringBuilder sb = new StringBuilder();
        sb.append(switch (operation) {
            case SHUTDOWN -> "shutdown ";
            case STATUS -> "status ";
            case LIST -> "list ";
            case NONE -> throw new IllegalStateException("no operation");
        });
        if (verbose) {
            sb.append("verbose ");
        }
        if (json) {
            sb.append("json ");
        }
        if (cluster != null) {
            sb.append("cluster ").append(IpcLexer.quote(cluster)).append(' ');
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
                + "Query or stop a running corosync-qnetd through its local socket.\n\n"
                + "  -s                   show the server status\n"
                + "  -l                   list clusters and their nodes\n"
                + "  -H                   shut the daemon down\n"
                + "  -v                   verbose output\n"
                + "  -c cluster_name      only this cluster (with -l)\n"
                + "  -p path              IPC socket (default " + QnetdAdminIpc.DEFAULT_SOCKET + ")\n"
                + "  -h                   print the usage line and exit with status 1, like the C tool\n"
                + "  --output-format FMT  text (default), json or json-pretty; JSON needs a Quorate qnetd\n"
                + "                       (schema: docs/json-status.md)\n"
                + "  --help               print this help and exit\n\n"
                + "Exit status: 0 success, 1 usage, 2 internal error, 3 cannot connect or unknown answer,\n"
                + "4 the daemon returned an error.\n";
    }
}
