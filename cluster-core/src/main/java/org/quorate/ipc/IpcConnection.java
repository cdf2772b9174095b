package org.quorate.ipc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One administration connection: read one request line, wait for the answer, write it, close.
 * Only ever touched by the IPC thread.
 */
final class IpcConnection {
    /** Life cycle of a connection (spec §12.1: one request per connection). */
    enum State { READING, ANSWERING, WRITING, CLOSED }

    private final SocketChannel channel;
    private final int maxReceiveSize;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream();
    private State state = State.READING;
    private ByteBuffer reply;
    private Runnable afterSent = () -> { };

    IpcConnection(SocketChannel channel, int maxReceiveSize) {
        this.channel = channel;
        this.maxReceiveSize = maxReceiveSize;
    }

    SocketChannel channel() {
        return channel;
    }

    State state() {
        return state;
    }

    /** Outcome of one read: keep reading, a full line is there, or the connection must be dropped. */
    enum ReadResult { MORE, LINE, DROP }

    /**
     * Reads what is available. Like the C daemon, a chunk containing a newline completes the
     * request; more than {@code maxReceiveSize} bytes or an early EOF drop the connection.
     */
    ReadResult read(ByteBuffer scratch) throws IOException {
        scratch.clear();
        int n = channel.read(scratch);
        if (n < 0) {
            return ReadResult.DROP;
        }
        if (request.size() + n > maxReceiveSize) {
            return ReadResult.DROP;
        }
        boolean newline = false;
        for (int i = 0; i < n; i++) {
            newline |= scratch.get(i) == '\n';
        }
        request.write(scratch.array(), 0, n);
        if (newline) {
            transition(State.ANSWERING);
            return ReadResult.LINE;
        }
        return ReadResult.MORE;
    }

    byte[] request() {
        return request.toByteArray();
    }

    void startReply(byte[] bytes, Runnable onSent) {
        reply = ByteBuffer.wrap(bytes);
        afterSent = onSent;
        transition(State.WRITING);
    }

    /** Writes what the socket accepts; true once the whole reply is out. */
    boolean write() throws IOException {
        channel.write(reply);
        return !reply.hasRemaining();
    }

    Runnable afterSent() {
        return afterSent;
    }

    void close() {
        transition(State.CLOSED);
        try {
            channel.close();
        } catch (IOException ignored) {
            // The peer is gone either way.
        }
    }

    private void transition(State next) {
        state = next;
    }
}
