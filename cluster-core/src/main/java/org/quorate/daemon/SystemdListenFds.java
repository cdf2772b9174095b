package org.quorate.daemon;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * Sockets passed by systemd socket activation, with {@code sd_listen_fds(3)}'s rules: they are ours only when
 * {@code LISTEN_PID} is this process's pid; {@code LISTEN_FDS} of them start at fd 3. {@link #forgetForChildren}
 * then unsets the {@code LISTEN_*} variables (in libc's environment, which native children inherit) and marks the
 * descriptors close-on-exec, so no child process takes them for its own. That step needs JNA, whose first use
 * costs tens of milliseconds (more on a loaded host); it is kept apart so a daemon can do it after it serves.
 * Children started through {@link ProcessBuilder} are safe either way: they get the JVM's copy of the
 * environment and no descriptors above 2.
 */
public final class SystemdListenFds {
    /** The first passed descriptor ({@code SD_LISTEN_FDS_START}). */
    public static final int FIRST_FD = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SystemdListenFds.class);
    private static final String[] VARIABLES = {"LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"};

    /** {@code count} descriptors from {@link #FIRST_FD}; {@code names} is {@code LISTEN_FDNAMES} or empty. */
    public record Passed(int count, String names) {
    }

    private SystemdListenFds() {
    }

    /** The sockets systemd passed to this process, if any, with {@code sd_listen_fds(0)}'s rules. */
    public static Optional<Passed> take() {
        return parse(System.getenv(), ProcessHandle.current().pid());
    }

    /** What {@code env} passes to process {@code pid}; empty when the variables are missing, bad or for another pid. */
    public static Optional<Passed> parse(Map<String, String> env, long pid) {
        String listenPid = env.get("LISTEN_PID");
        String listenFds = env.get("LISTEN_FDS");
        if (listenPid == null || listenFds == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(listenPid.trim()) != pid) {
                LOG.debug("LISTEN_PID={} is not this process ({}); no sockets from systemd", listenPid, pid);
                return Optional.empty();
            }
            int count = Integer.parseInt(listenFds.trim());
            if (count < 1) {
                return Optional.empty();
            }
            return Optional.of(new Passed(count, env.getOrDefault("LISTEN_FDNAMES", "")));
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring LISTEN_PID={} LISTEN_FDS={}: not numbers", listenPid, listenFds);
            return Optional.empty();
        }
    }

    /**
     * What {@code sd_listen_fds(1)} adds: unsets {@code LISTEN_PID}, {@code LISTEN_FDS}, {@code LISTEN_FDNAMES} and
     * sets close-on-exec on the {@code passed} descriptors (none when empty). A no-op without those variables.
     */
    public static void forgetForChildren(Optional<Passed> passed) {
        if (passed.isEmpty() && System.getenv("LISTEN_FDS") == null) {
            return;
        }
        int count = passed.map(Passed::count).orElse(0);
        try {
            for (String variable : VARIABLES) {
                LibC.INSTANCE.unsetenv(variable);
            }
            for (int fd = FIRST_FD; fd < FIRST_FD + count; fd++) {
                LibC.INSTANCE.fcntl(fd, LibC.F_SETFD, LibC.FD_CLOEXEC);
            }
        } catch (RuntimeException | LinkageError e) {
            // Only matters for child processes, which the daemons don't start with the socket open.
            LOG.debug("Can't unset LISTEN_* / set close-on-exec: {}", e.toString());
        }
    }

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int F_SETFD = 2;
        int FD_CLOEXEC = 1;

        int unsetenv(String name);

        int fcntl(int fd, int command, int argument);
    }
}
