package org.quorate.ipc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a raw daemon answer into its status line and payload, the way the C tools read it: the
 * first line (carriage returns ignored) is compared case-insensitively with {@code OK} and
 * {@code Error}.
 */
public final class IpcReplyParser {
    /** What the first line said. NONE: the daemon closed the connection before a full line. */
    public enum Status { OK, ERROR, UNKNOWN, NONE }

    public record Parsed(Status status, byte[] payload) {
    }

    private IpcReplyParser() {
    }

    public static Parsed parse(byte[] reply) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < reply.length; i++) {
            byte b = reply[i];
            if (b == '\r') {
                continue;
            }
            if (b == '\n') {
                return new Parsed(classify(line.toString()), Arrays.copyOfRange(reply, i + 1, reply.length));
            }
            line.append((char) (b & 0xff));
        }
        return new Parsed(Status.NONE, new byte[0]);
    }

    private static Status classify(String line) {
        if (line.equalsIgnoreCase("OK")) {
            return Status.OK;
        }
        if (line.equalsIgnoreCase("Error")) {
            return Status.ERROR;
        }
        return Status.UNKNOWN;
    }

    public static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
