package org.quorate.ipc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The tool side of the IPC protocol: one connection, one request, the whole answer until EOF. */
public final class IpcClient implements AutoCloseable {
    private final SocketChannel channel;

    private IpcClient(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Connects to the daemon's socket.
     *
     * @throws IOException with the system error text as message (e.g. "No such file or directory")
     */
    public static IpcClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new IpcClient(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException(systemErrorText(e), e);
        }
    }

    /** Sends the request line exactly as given (the caller adds the newline). */
    public void send(String request) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Reads until the daemon closes the connection. */
    public byte[] readAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (channel.read(buf) >= 0) {
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The strerror(3)-like text C tools print; the JDK words a few cases differently. */
    private static String systemErrorText(Exception e) {
        String msg = e.getMessage();
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        if (msg.contains("path too long")) {
            return "File name too long";
        }
        return msg;
    }
}
