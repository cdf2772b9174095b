package org.quorate.qnetd.admin;

import java.io.PrintStream;
import org.quorate.ipc.IpcLexer;
import org.quorate.ipc.tool.AdminToolMain;

/**
 * {@code corosync-qnetd-tool}: flags, messages and exit codes of the C tool (spec §12.5), plus
 * {@code --output-format text|json|json-pretty} and {@code --help}.
 */
public final class QnetdTool {
    static final String PROGRAM = "corosync-qnetd-tool";
    static final String USAGE = "usage: " + PROGRAM + " [-Hhlsv] [-c cluster_name] [-p qnetd_ipc_socket_path]";
    static final String CONNECT_FAILED = "Can't connect to qnetd socket (is QNetd running?)";

    private static final AdminToolMain.Tool TOOL = new AdminToolMain.Tool(PROGRAM, USAGE, "qnetd", "Hlsvc:",
            "  -s                   show the server status\n"
                    + "  -l                   list clusters and their nodes\n"
                    + "  -H                   shut the daemon down\n"
                    + "  -v                   verbose output\n"
                    + "  -c cluster_name      only this cluster (with -l)\n",
            QnetdAdminIpc.DEFAULT_SOCKET, CONNECT_FAILED);

    /** The operation selected by -H/-l/-s; the last one given wins. */
    enum Operation { NONE, SHUTDOWN, STATUS, LIST }

    private QnetdTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return AdminToolMain.run(TOOL, new Flags(), args, out, err);
    }

    /** -H/-l/-s choose the operation, -v and -c refine it. */
    private static final class Flags implements AdminToolMain.Request {
        private Operation operation = Operation.NONE;
        private boolean verbose;
        private String cluster;

        @Override
        public void flag(char flag, String argument) {
            switch (flag) {
                case 'H' -> operation = Operation.SHUTDOWN;
                case 'l' -> operation = Operation.LIST;
                case 's' -> operation = Operation.STATUS;
                case 'v' -> verbose = true;
                case 'c' -> cluster = argument;
                default -> throw new IllegalStateException("getopt returned " + flag);
            }
        }

        @Override
        public boolean hasOperation() {
            return operation != Operation.NONE;
        }

        @Override
        public boolean answersInJson() {
            return operation != Operation.SHUTDOWN;
        }

        @Override
        public String line(boolean json) {
            return request(operation, verbose, json, cluster);
        }
    }

    /** The request line the C tool sends, with the Quorate word {@code json} when asked for. */
    static String request(Operation operation, boolean verbose, boolean json, String cluster) {
        String word = switch (operation) {
            case SHUTDOWN -> "shutdown";
            case STATUS -> "status";
            case LIST -> "list";
            case NONE -> throw new IllegalStateException("no operation");
        };
        return cluster == null
                ? AdminToolMain.requestLine(word, verbose, json)
                : AdminToolMain.requestLine(word, verbose, json, "cluster", IpcLexer.quote(cluster));
    }

    static String help() {
        return TOOL.help();
    }
}
