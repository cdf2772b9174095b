package org.quorate.testsupport.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * One simulated machine: a network namespace plus a private directory whose {@code etc}, {@code lib},
 * {@code run} and {@code log} sub-directories are bind-mounted over /etc/corosync, /var/lib/corosync,
 * /run and /var/log/corosync for every command run on it.
 *
 * @param addresses the host's addresses, index = interface number (eth0, eth1)
 */
public record LabHost(String name, String namespace, Path dir, List<String> addresses) {

    public String address() {
        return addresses.get(0);
    }

    /** The host's /etc/corosync as seen from outside. */
    public Path etc() {
        return dir.resolve("etc");
    }

    /** The host's /run as seen from outside. */
    public Path run() {
        return dir.resolve("run");
    }

    /** The host's /var/log/corosync as seen from outside (daemon output files live here too). */
    public Path logs() {
        return dir.resolve("log");
    }

    /** The host's /var/lib/corosync as seen from outside. */
    public Path lib() {
        return dir.resolve("lib");
    }
}
