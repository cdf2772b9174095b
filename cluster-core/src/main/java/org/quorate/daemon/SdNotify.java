package org.quorate.daemon;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * The systemd notification protocol ({@code sd_notify(3)}): one datagram to the unix socket named by
 * {@code NOTIFY_SOCKET}. The JDK has no unix datagram sockets, so this goes through libc with JNA.
 * Outside systemd (no {@code NOTIFY_SOCKET}) every call is a no-op.
 */
public final class SdNotify {
    private static final Logger LOG = LoggerFactory.getLogger(SdNotify.class);
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;

    private SdNotify() {
    }

    /** Sends {@code READY=1}. Returns whether a notification was sent. */
    public static boolean ready() {
        return send("READY=1");
    }

    /** Sends {@code STOPPING=1}. */
    public static boolean stopping() {
        return send("STOPPING=1");
    }

    /** Sends an arbitrary state string, e.g. {@code STATUS=...}. */
    public static boolean send(String state) {
        String socket = System.getenv("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return false;
        }
        try {
            return sendTo(socket, state);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.warn("Can't notify systemd through {}: {}", socket, e.toString());
            return false;
        }
    }

    static boolean sendTo(String socketPath, String state) {
        SockaddrUn address = new SockaddrUn(socketPath);
        byte[] payload = state.getBytes(StandardCharsets.UTF_8);
        int fd = LibC.INSTANCE.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IllegalStateException("socket(AF_UNIX) failed, errno " + Native.getLastError());
        }
        try {
            int sent = LibC.INSTANCE.sendto(fd, payload, payload.length, 0, address, address.length());
            if (sent < 0) {
                throw new IllegalStateException("sendto(" + socketPath + ") failed, errno " + Native.getLastError());
            }
            return true;
        } finally {
            LibC.INSTANCE.close(fd);
        }
    }

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int socket(int domain, int type, int protocol);

        int sendto(int fd, byte[] buf, int len, int flags, SockaddrUn addr, int addrLen);

        int close(int fd);
    }

    /** {@code struct sockaddr_un}; a leading '@' names an abstract socket, as systemd documents. */
    @Structure.FieldOrder({"family", "path"})
    public static final class SockaddrUn extends Structure {
        public short family = AF_UNIX;
        public byte[] path = new byte[108];
        private final transient int pathLength;

        SockaddrUn(String socketPath) {
            byte[] bytes = socketPath.getBytes(StandardCharsets.UTF_8);
            if (bytes.length >= path.length) {
                throw new IllegalArgumentException("NOTIFY_SOCKET path too long: " + socketPath);
            }
            System.arraycopy(bytes, 0, path, 0, bytes.length);
            if (bytes.length > 0 && bytes[0] == '@') {
                path[0] = 0;
            }
            pathLength = bytes.length;
            write();
        }

        int length() {
            return 2 + pathLength + (path[0] == 0 ? 0 : 1);
        }
    }
}
