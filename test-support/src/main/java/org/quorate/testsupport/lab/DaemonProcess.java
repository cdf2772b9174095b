package org.quorate.testsupport.lab;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A daemon the lab started in the foreground on a host. {@code pid} is the daemon's own PID (the
 * launch chain {@code ip netns exec} - {@code unshare} - {@code sh} replaces itself with it), so
 * signals reach the daemon and nothing else.
 */
public record DaemonProcess(LabHost host, String name, long pid, List<String> command, Path log, Instant started,
                            Process process) {

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String toString() {
        return name + "@" + host.name() + "[pid " + pid + "]";
    }
}
