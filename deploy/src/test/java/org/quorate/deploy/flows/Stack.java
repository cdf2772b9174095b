package org.quorate.deploy.flows;

import org.quorate.testsupport.docker.DockerLab;
import org.quorate.testsupport.docker.SystemdHost;
import org.testcontainers.containers.Network;

/**
 * Which arbiter pair a test host gets. Both are installed with {@code dpkg -i} on a booted systemd host that
 * never had either, so the packages' maintainer scripts enable and start their units as on a real host: the C
 * corosync-qnetd/-qdevice 3.0.3 from the exact bookworm .debs the image keeps in /opt/c-debs, Quorate's from
 * this build ({@link QuorateDebs}).
 */
public enum Stack {
    C("C"),
    QUORATE("Quorate");

    public final String label;

    Stack(String label) {
        this.label = label;
    }

    /** The path (a glob for dpkg) of the {@code component} ("qnetd" or "qdevice") package, copied there if needed. */
    private String debOnHost(SystemdHost host, String component) {
        if (this == C) {
            return "/opt/c-debs/corosync-" + component + "_*.deb";
        }
        String target = "/tmp/" + QuorateDebs.of(component).getFileName();
        host.withFile(QuorateDebs.of(component), target);
        return target;
    }

    /** Installs the qnetd package (arbiter) or the qdevice package (node); dpkg's outcome, whatever it is. */
    Outcome install(FlowHost host, String component) {
        return host.sh("DEBIAN_FRONTEND=noninteractive dpkg -i " + debOnHost(host.host, component) + " 2>&1");
    }

    /** Installs this stack's qnetd package (the arbiter side); fails with dpkg's output. */
    public void installQnetd(SystemdHost host) {
        installOrFail(host, "qnetd");
    }

    /** Installs this stack's qdevice package (the node side); fails with dpkg's output. */
    public void installQdevice(SystemdHost host) {
        installOrFail(host, "qdevice");
    }

    private void installOrFail(SystemdHost host, String component) {
        host.sh("DEBIAN_FRONTEND=noninteractive dpkg -i " + debOnHost(host, component) + " >/var/log/dpkg-"
                + component + ".out 2>&1 || { cat /var/log/dpkg-" + component + ".out; exit 1; }");
    }

    /** A fresh internal network; fails unless the engine gave it a subnet inside 198.18.0.0/15. */
    public static Network network() {
        Network n = DockerLab.internalNetwork();
        DockerLab.subnets(n);
        return n;
    }
}
