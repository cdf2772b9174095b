package org.quorate.ipc.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.quorate.ipc.IpcClient;
import org.quorate.ipc.IpcReplyParser;

/**
 * What corosync-qnetd-tool and corosync-qdevice-tool share once the command line is parsed
 * (spec §12.5): connect, send one request, print the answer and map it to an exit code.
 */
public final class AdminToolClient {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_INTERNAL_ERROR = 2;
    public static final int EXIT_CONNECT = 3;
    public static final int EXIT_DAEMON_ERROR = 4;

    /** Rewrites an OK payload before it is printed (JSON re-indentation); may reject it. */
    @FunctionalInterface
    public interface PayloadFilter {
        byte[] apply(byte[] payload) throws InvalidPayloadException;
    }

    /** The daemon's OK payload is not what the requested output format needs. */
    public static final class InvalidPayloadException extends Exception {
        public InvalidPayloadException(String message) {
            super(message);
        }
    }

    private final String programName;
    private final String connectFailure;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param programName    prefix of error messages, like err(3) prints it
     * @param connectFailure e.g. "Can't connect to qnetd socket (is QNetd running?)"
     */
    public AdminToolClient(String programName, String connectFailure, PrintStream out, PrintStream err) {
        this.programName = programName;
        this.connectFailure = connectFailure;
        this.out = out;
        this.err = err;
    }

    public int run(Path socket, String request, PayloadFilter filter) {
        byte[] reply;
        try (IpcClient client = connect(socket)) {
            if (client == null) {
                return EXIT_CONNECT;
            }
            try {
                client.send(request);
            } catch (IOException e) {
                return fail(EXIT_INTERNAL_ERROR, "Can't send command");
            }
            reply = client.readAll();
        } catch (IOException e) {
            return fail(EXIT_INTERNAL_ERROR, "Internal error during IPC status line read");
        }
        return print(IpcReplyParser.parse(reply), filter);
    }

    private IpcClient connect(Path socket) {
        try {
            return IpcClient.connect(socket);
        } catch (IOException e) {
            fail(EXIT_CONNECT, connectFailure + ": " + e.getMessage());
            return null;
        }
    }

    private int print(IpcReplyParser.Parsed parsed, PayloadFilter filter) {
        switch (parsed.status()) {
            case NONE:
                return EXIT_OK;
            case UNKNOWN:
                return fail(EXIT_CONNECT, "Unknown status line returned by IPC server");
            case ERROR:
                err.print("Error: ");
                err.write(parsed.payload(), 0, parsed.payload().length);
                err.flush();
                return EXIT_DAEMON_ERROR;
            case OK:
            default:
                byte[] payload;
                try {
                    payload = filter.apply(parsed.payload());
                } catch (InvalidPayloadException e) {
                    return fail(EXIT_INTERNAL_ERROR, e.getMessage());
                }
                out.write(payload, 0, payload.length);
                out.flush();
                return EXIT_OK;
        }
    }

    /** Prints {@code program: message} to stderr like err(3)/errx(3) and returns {@code code}. */
    public int fail(int code, String message) {
        err.println(programName + ": " + message);
        err.flush();
        return code;
    }
}
