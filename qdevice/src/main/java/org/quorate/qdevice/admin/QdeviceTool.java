package org.quorate.qdevice.admin;

import java.io.PrintStream;
import org.quorate.ipc.tool.AdminToolMain;

/**
 * {@code corosync-qdevice-tool}: flags, messages and exit codes of the C tool (spec §12.5), plus
 * {@code --output-format text|json|json-pretty} and {@code --help}.
 */
public final class QdeviceTool {
    static final String PROGRAM = "corosync-qdevice-tool";
    static final String USAGE = "usage: " + PROGRAM + " [-Hhsv] [-p qdevice_ipc_socket_path]";
    static final String CONNECT_FAILED = "Can't connect to QDevice socket (is QDevice running?)";

    private static final AdminToolMain.Tool TOOL = new AdminToolMain.Tool(PROGRAM, USAGE, "qdevice", "Hsv",
            "  -s                   show the qdevice status\n"
                    + "  -H                   shut the daemon down\n"
                    + "  -v                   verbose output\n",
            QdeviceAdminIpc.DEFAULT_SOCKET, CONNECT_FAILED);

    /** The operation selected by -H/-s; the last one given wins. */
    enum Operation { NONE, SHUTDOWN, STATUS }

    private QdeviceTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return AdminToolMain.run(TOOL, new Flags(), args, out, err);
    }

    /** -H/-s choose the operation, -v refines it. */
    private static final class Flags implements AdminToolMain.Request {
        private Operation operation = Operation.NONE;
        private boolean verbose;

        @Override
        public void flag(char flag, String argument) {
            switch (flag) {
                case 'H' -> operation = Operation.SHUTDOWN;
                case 's' -> operation = Operation.STATUS;
                case 'v' -> verbose = true;
                default -> throw new IllegalStateException("getopt returned " + flag);
            }
        }

        @Override
        public boolean hasOperation() {
            return operation != Operation.NONE;
        }

        @Override
        public boolean answersInJson() {
            return operation == Operation.STATUS;
        }

        @Override
        public String line(boolean json) {
            return request(operation, verbose, json);
        }
    }

    /** The request line the C tool sends, with the Quorate word {@code json} when asked for. */
    static String request(Operation operation, boolean verbose, boolean json) {
        String word = switch (operation) {
            case SHUTDOWN -> "shutdown";
            case STATUS -> "status";
            case NONE -> throw new IllegalStateException("no operation");
        };
        return AdminToolMain.requestLine(word, verbose, json);
    }

    static String help() {
        return TOOL.help();
    }
}
