package org.quorate.qnetd.server;

import io.netty.channel.ChannelException;
import io.netty.channel.unix.Errors;
import io.netty.channel.unix.Socket;

import java.io.IOException;

/**
 * Stream sockets of the family we ask for, through Netty's native transport library.
 *
 * <p>Why not {@link Socket#newSocketStream()}: it takes the family Netty probed once at start, and that probe
 * calls IPv6 unusable as soon as {@code ::1} cannot be bound, as in a Docker container without IPv6
 * ({@code net.ipv6.conf.lo.disable_ipv6=1}). It then opens AF_INET, binding {@code ::} fails with EAFNOSUPPORT,
 * and the daemon used to fall back to {@code 0.0.0.0}, where IPv4 clients show as {@code 198.19.232.11}. The C
 * daemon (NSPR) opens AF_INET6 there, binds {@code ::} and shows them as {@code ::ffff:198.19.232.11}.
 * Only when the kernel has no IPv6 at all ({@code ipv6.disable=1}) does AF_INET6 fail, and so does NSPR.
 */
final class NativeSockets extends Socket {
    static final int SOL_SOCKET = 1;
    static final int SO_TYPE = 3;
    static final int SO_ACCEPTCONN = 30;
    static final int SO_DOMAIN = 39;
    static final int SOCK_STREAM = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    private static final int EAFNOSUPPORT = 97;

    private NativeSockets() {
        super(-1); // never called: this class only reaches Socket's protected factory
    }

    /** A new stream socket, AF_INET6 or AF_INET. */
    static Socket stream(boolean ipv6) throws FamilyUnavailableException, IOException {
        try {
            return new Socket(newSocketStream0(ipv6));
        } catch (ChannelException e) {
            if (e.getCause() instanceof Errors.NativeIoException n && -n.expectedErr() == EAFNOSUPPORT) {
                throw new FamilyUnavailableException((ipv6 ? "AF_INET6" : "AF_INET") + ": " + n.getMessage());
            }
            throw new IOException("Can't open a TCP socket: " + e.getMessage(), e);
        }
    }

    /** The socket's address family ({@link #AF_INET}, {@link #AF_INET6}, ...). */
    static int family(Socket socket) throws IOException {
        return socket.getIntOpt(SOL_SOCKET, SO_DOMAIN);
    }

    /** The kernel has no such address family (EAFNOSUPPORT). */
    static final class FamilyUnavailableException extends Exception {
        FamilyUnavailableException(String message) {
            super(message);
        }
    }
}
