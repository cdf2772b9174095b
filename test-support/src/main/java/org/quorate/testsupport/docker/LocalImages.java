package org.quorate.testsupport.docker;

import org.testcontainers.DockerClientFactory;

/** The registry-free images built by {@code .ci/docker-images}. */
public final class LocalImages {
    /** Debian bookworm minbase + openjdk-17-jre-headless, procps, iproute2. */
    public static final String JRE = "quorate/debian-jre:bookworm";
    /**
     * Debian bookworm + corosync, corosync-qdevice, corosync-qnetd, libnss3-tools, iproute2, iptables, procps
     * and openjdk-17-jre-headless (no qnetd CA baked in).
     */
    public static final String COROSYNC = "quorate/debian-corosync:bookworm";
    /**
     * Debian bookworm booting systemd, with pacemaker, corosync, pcs(d), crmsh, csync2, openssh, libnss3-tools,
     * iproute2, iptables, procps, psmisc, python3 and openjdk-17-jre-headless, but without corosync-qnetd and
     * corosync-qdevice, whose exact bookworm .debs are in /opt/c-debs (see {@link SystemdHost}).
     */
    public static final String HA = "quorate/debian-ha:bookworm";

    private LocalImages() {
    }

    /** Fails with the command to run unless {@code image} exists in the local engine. */
    public static String require(String image) {
        DockerLab.requireEngine();
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
        } catch (RuntimeException e) {
            throw new IllegalStateException("local image " + image + " is missing (" + e.getMessage()
                    + "); build it with: bash .ci/docker-images", e);
        }
        return image;
    }
}
