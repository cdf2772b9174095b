package org.quorate.link.transport;

import io.netty.channel.unix.Errors;
import org.quorate.net.SendFailure;

import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.util.Locale;

/**
 * Classifies a failed send into the {@link SendFailure} an administrator acts on. The epoll transport gives
 * the errno itself ({@link Errors.NativeIoException#expectedErr()}, negative); the NIO transport only the
 * JDK's exception and the C library's text (strerror), which are matched as a fallback.
 */
public final class SendFailures {
    // Linux errno values (asm-generic/errno-base.h, errno.h): the kernel reports them, not the JDK
    private static final int EPERM = 1;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;
    private static final int EMSGSIZE = 90;
    private static final int ENETDOWN = 100;
    private static final int ENETUNREACH = 101;
    private static final int ENOBUFS = 105;
    private static final int ECONNREFUSED = 111;
    private static final int EHOSTDOWN = 112;
    private static final int EHOSTUNREACH = 113;

    private SendFailures() {
    }

    /** The class of {@code cause} (the failed write's exception, or one it wraps). */
    public static SendFailure classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Errors.NativeIoException n) {
                SendFailure f = byErrno(Math.abs(n.expectedErr()));
                if (f != SendFailure.OTHER) {
                    return f;
                }
            }
            if (t instanceof PortUnreachableException || t instanceof NoRouteToHostException) {
                return SendFailure.UNREACHABLE;
            }
            SendFailure byText = byText(t.getMessage());
            if (byText != SendFailure.OTHER) {
                return byText;
            }
        }
        return SendFailure.OTHER;
    }

    /** The class of a positive Linux errno. */
    public static SendFailure byErrno(int errno) {
        return switch (errno) {
            case EPERM, EACCES -> SendFailure.PERMISSION_DENIED;
            case EMSGSIZE -> SendFailure.MESSAGE_TOO_BIG;
            case ENETUNREACH, EHOSTUNREACH, ECONNREFUSED, ENETDOWN, EHOSTDOWN -> SendFailure.UNREACHABLE;
            case ENOBUFS, EAGAIN -> SendFailure.NO_BUFFER_SPACE;
            default -> SendFailure.OTHER;
        };
    }

    /** strerror(3)'s words, as the JDK's NIO exceptions carry them. */
    static SendFailure byText(String message) {
        if (message == null) {
            return SendFailure.OTHER;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("operation not permitted") || m.contains("permission denied")) {
            return SendFailure.PERMISSION_DENIED;
        }
        if (m.contains("message too long")) {
            return SendFailure.MESSAGE_TOO_BIG;
        }
        if (m.contains("network is unreachable") || m.contains("no route to host") || m.contains("connection refused")
                || m.contains("network is down") || m.contains("host is down")) {
            return SendFailure.UNREACHABLE;
        }
        if (m.contains("no buffer space") || m.contains("resource temporarily unavailable")) {
            return SendFailure.NO_BUFFER_SPACE;
        }
        return SendFailure.OTHER;
    }
}
