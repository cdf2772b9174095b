package org.quorate.qnetd.badinput;

import org.quorate.certs.store.TlsContexts;
import org.quorate.protocol.codec.QnetCodec;
import org.quorate.protocol.message.QnetMessage;
import org.quorate.testsupport.qnet.BlockingFrames;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A blocking test client on a raw socket: writes messages encoded by the codec or any bytes at all, reads
 * whole frames and decodes them, and can switch to TLS after STARTTLS like the C qdevice does.
 */
final class RawQnetClient implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 5000;

    private final Socket plain;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private RawQnetClient(Socket plain) throws IOException {
        this.plain = plain;
        use(plain);
    }

    static RawQnetClient connect(InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(server, READ_TIMEOUT_MS);
        s.setSoTimeout(READ_TIMEOUT_MS);
        return new RawQnetClient(s);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    RawQnetClient send(QnetMessage message) throws IOException {
        return sendRaw(QnetCodec.encode(message));
    }

    RawQnetClient sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The next frame from the server, decoded; fails after 5 s or when the server closed. */
    QnetMessage receive() throws IOException {
        return BlockingFrames.read(in);
    }

    @SuppressWarnings("unchecked")
    <T extends QnetMessage> T receive(Class<T> type) throws IOException {
        QnetMessage m = receive();
        if (!type.isInstance(m)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but the server sent " + m);
        }
        return (T) m;
    }

    /** Sends {@code request} and returns the next frame. */
    <T extends QnetMessage> T exchange(QnetMessage request, Class<T> replyType) throws IOException {
        send(request);
        return receive(replyType);
    }

    /** TLS over the same TCP connection (after STARTTLS was sent); throws if the handshake fails. */
    void startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain,
                plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(true);
        tls.setSSLParameters(TlsContexts.clientParameters(context));
        tls.setSoTimeout(READ_TIMEOUT_MS);
        tls.startHandshake();
        use(tls);
    }

    /**
     * True when the server closes the connection within {@code timeout} (EOF or reset). For TLS,
     * the server's close may first surface as an alert, which also counts as closed.
     */
    boolean closedByServerWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (in.read() < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (EOFException | SocketException | javax.net.ssl.SSLException e) {
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(READ_TIMEOUT_MS);
            }
        }
    }

    /**
     * What the server did once a client was done talking: the TLS alert it sent ("alert unknown_ca"), or
     * "closed" for a close without alert (or after close_notify). Reads until the server closes, at most
     * {@code timeout}; "open" if it did not.
     */
    String serverFarewell(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            while (in.read() >= 0) {
                // application data or a reply; keep reading until the close
            }
            return "closed";
        } catch (SocketTimeoutException e) {
            return "open";
        } catch (javax.net.ssl.SSLException e) {
            return farewellOf(e);
        } catch (EOFException e) {
            return "closed";
        } catch (SocketException e) {
            return "reset";
        }
    }

    /** "alert X" for an exception that reports a received fatal alert, else "closed". */
    static String farewellOf(IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && m.startsWith("Received fatal alert: ")) {
                return "alert " + m.substring("Received fatal alert: ".length());
            }
        }
        if (e instanceof SocketException) {
            return "reset";
        }
        return e instanceof javax.net.ssl.SSLException ? "closed (" + e.getMessage() + ")" : "closed";
    }

    int localPort() {
        return plain.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        plain.close();
    }
}
