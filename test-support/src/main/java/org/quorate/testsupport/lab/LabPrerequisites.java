package org.quorate.testsupport.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what a network-namespace lab needs and fails with one message naming everything missing.
 * Tests call this instead of assuming: a lab test must FAIL, not skip, where it cannot run.
 */
public final class LabPrerequisites {
    /** Host tools the lab itself uses. */
    public static final List<String> LAB_TOOLS = List.of("ip", "unshare", "mount", "iptables", "sh", "kill");
    /** The Debian C stack (packages corosync, corosync-qdevice, corosync-qnetd, libnss3-tools). */
    public static final List<String> C_STACK = List.of("corosync", "corosync-keygen", "corosync-quorumtool",
            "corosync-cmapctl", "corosync-qdevice", "corosync-qdevice-tool", "corosync-qdevice-net-certutil",
            "corosync-qnetd", "corosync-qnetd-tool", "corosync-qnetd-certutil", "certutil", "pk12util");

    private LabPrerequisites() {
    }

    /** Throws {@link IllegalStateException} unless we are root and every tool in the lists is installed. */
    public static void require(List<String> tools) {
        List<String> problems = new ArrayList<>();
        if (!isRoot()) {
            problems.add("must run as root (network namespaces, bind mounts, iptables); uid is not 0");
        }
        List<String> missing = tools.stream().filter(t -> Commands.which(t) == null).toList();
        if (!missing.isEmpty()) {
            problems.add("missing commands " + missing + " (searched " + Commands.PATH + "); install the Debian "
                    + "packages iproute2 util-linux iptables corosync corosync-qdevice corosync-qnetd libnss3-tools"
                    + " (see .ci/install-deps)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("network-namespace lab cannot run: " + String.join("; ", problems));
        }
    }

    /** Lab tools plus the whole C stack. */
    public static void requireRealStack() {
        List<String> all = new ArrayList<>(LAB_TOOLS);
        all.addAll(C_STACK);
        require(all);
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
