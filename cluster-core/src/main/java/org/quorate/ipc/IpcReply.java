package org.quorate.ipc;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The answer to one IPC request: {@code OK\n<payload>} or {@code Error\n<message>\n} (spec §12.1).
 *
 * @param ok            true for an OK reply
 * @param text          the payload (OK) or the error message without its newline (Error)
 * @param tooLargeError for OK replies, the command-specific error sent instead when the payload does
 *                      not fit in the send buffer (e.g. "Can't get QNetd status"); null for errors
 * @param afterSent     run on the IPC thread once the reply has been written completely (used by
 *                      {@code shutdown}); must not block
 */
public record IpcReply(boolean ok, String text, String tooLargeError, Runnable afterSent) {
    static final String BUFFER_TOO_SMALL = "Internal IPC buffer too small";
    /** Shared so that replies without an action compare equal. */
    private static final Runnable NOTHING = () -> { };

    public IpcReply {
        Objects.requireNonNull(text, "text");
        afterSent = afterSent == null ? NOTHING : afterSent;
    }

    public static IpcReply ok(String payload, String tooLargeError) {
        return new IpcReply(true, payload, tooLargeError, null);
    }

    public static IpcReply error(String message) {
        return new IpcReply(false, message, null, null);
    }

    public IpcReply thenRun(Runnable action) {
        return new IpcReply(ok, text, tooLargeError, action);
    }

    /**
     * The bytes to send when at most {@code maxSendSize} bytes fit in the send buffer, or null when
     * not even the error fits (the C daemon then drops the connection without an answer).
     *
     * <p>The limits mirror the C buffer: the payload must leave room for the C string terminator,
     * and the {@code OK\n} prefix is added afterwards, so a payload that fits on its own can still
     * turn into "Internal IPC buffer too small".
     */
    public byte[] encode(int maxSendSize) {
        if (!ok) {
            byte[] error = ("Error\n" + text + "\n").getBytes(StandardCharsets.UTF_8);
            return error.length <= maxSendSize ? error : null;
        }
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length >= maxSendSize) {
            return error(tooLargeError == null ? BUFFER_TOO_SMALL : tooLargeError).encode(maxSendSize);
        }
        if (payload.length + 3 > maxSendSize) {
            return error(BUFFER_TOO_SMALL).encode(maxSendSize);
        }
        byte[] out = new byte[payload.length + 3];
        out[0] = 'O';
        out[1] = 'K';
        out[2] = '\n';
        System.arraycopy(payload, 0, out, 3, payload.length);
        return out;
    }
}
