package org.quorate.qdevice.corosync;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

/** The two libc calls the dispatcher needs: {@code poll(2)} on the libraries' fds. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    short POLLIN = 0x001;
    short POLLERR = 0x008;
    short POLLHUP = 0x010;
    short POLLNVAL = 0x020;

    int poll(PollFd[] fds, int nfds, int timeoutMs);

    /** {@code struct pollfd}; use {@code toArray} so the array is contiguous. */
    @Structure.FieldOrder({"fd", "events", "revents"})
    class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }
}
