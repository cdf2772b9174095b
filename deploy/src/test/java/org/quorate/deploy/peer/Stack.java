package org.quorate.deploy.peer;

import org.quorate.testsupport.docker.DockerLab;
import org.quorate.testsupport.docker.SystemdHost;
import org.testcontainers.containers.Network;


/**
 * Which arbiter packages a test host gets: Debian's C corosync-qnetd/-qdevice 3.0.3 from the image's
 * /opt/c-debs, or Quorate's .debs from deploy/target. Installed with {@code dpkg -i} on a booted systemd
 * host, so the packages' maintainer scripts enable and start their units as on a real host.
 */
public enum Stack {
    C, QUORATE;

    /** Installs this stack's qnetd package (the arbiter side). */
    public void installQnetd(SystemdHost host) {
        install(host, "qnetd");
    }

    /** Installs this stack's qdevice package (the node side). */
    public void installQdevice(SystemdHost host) {
        install(host, "qdevice");
    }

    private void install(SystemdHost host, String part) {
        String deb;
        if (this == C) {
            deb = "/opt/c-debs/corosync-" + part + "_*.deb";
        } else {
            deb = "/tmp/quorate-" + part + ".deb";
            host.withFile(part.equals("qnetd") ? QuorateDebs.qnetd() : QuorateDebs.qdevice(), deb);
        }
        host.sh("DEBIAN_FRONTEND=noninteractive dpkg -i " + deb + " >/var/log/dpkg-" + part + ".out 2>&1"
                + " || { cat /var/log/dpkg-" + part + ".out; exit 1; }");
    }

    /** A fresh internal network (subnet from the engine's 198.19.208.0/20 pool, checked). */
    public static Network network() {
        Network n = DockerLab.internalNetwork();
        DockerLab.subnets(n);
        return n;
    }
}
