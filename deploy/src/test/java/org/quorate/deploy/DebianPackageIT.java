package org.quorate.deploy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.deploy.flows.QuorateDebs;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.docker.DockerLab;
import org.quorate.testsupport.docker.LocalImages;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.MountableFile;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installs the built .deb packages (corosync-qnetd, corosync-qdevice: Quorate's, under the C packages'
 * names) on Debian bookworm hosts as an administrator replacing the C packages would, with /tmp mounted
 * noexec as on hardened hosts and in Docker's default tmpfs.
 */
@Tag("docker")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class DebianPackageIT {
    private static final String QNETD_LOG = "/var/log/qnetd.log";

    private static String run(GenericContainer<?> c, String... cmd) throws Exception {
        ExecResult r = c.execInContainer(cmd);
        assertThat(r.getExitCode()).as("%s\nstdout: %s\nstderr: %s%s", String.join(" ", cmd), r.getStdout(),
                r.getStderr(), logs(c)).isZero();
        return r.getStdout();
    }

    /** What a failure message needs: the daemon's log and the packages' states. */
    private static String logs(GenericContainer<?> c) {
        try {
            return "\n--- " + QNETD_LOG + ":\n" + c.execInContainer("sh", "-c", "cat " + QNETD_LOG + "* 2>&1").getStdout()
                    + "\n--- dpkg -l:\n" + c.execInContainer("sh", "-c", "dpkg -l | grep -E 'corosync|quorate'").getStdout();
        } catch (Exception e) {
            return "\n(no logs: " + e + ")";
        }
    }

    /** A bookworm host with the C packages installed, the built .debs in /root and /tmp noexec. */
    private static GenericContainer<?> host(Network network) throws Exception {
        GenericContainer<?> host = DockerLab.host(LocalImages.COROSYNC, network, "qnetd-host")
                .withTmpFs(Map.of("/tmp", "rw,noexec,nosuid,nodev"))
                .withCopyFileToContainer(MountableFile.forHostPath(QuorateDebs.qnetd()), "/root/corosync-qnetd.deb")
                .withCopyFileToContainer(MountableFile.forHostPath(QuorateDebs.qdevice()), "/root/corosync-qdevice.deb")
                .withStartupTimeout(Duration.ofSeconds(60));
        host.start();
        assertThat(run(host, "sh", "-c", "grep ' /tmp ' /proc/mounts")).contains("noexec");
        return host;
    }

    /** Starts qnetd in the background as the systemd unit would and waits until its status answers. */
    private static String startQnetd(GenericContainer<?> host, String log) throws Exception {
        run(host, "sh", "-c", "INVOCATION_ID=deb-test exec runuser -u coroqnetd -- corosync-qnetd -f >" + log
                + " 2>&1 </dev/null &");
        String status = "";
        for (int i = 0; i < 60 && !status.contains("TLS:"); i++) {
            Thread.sleep(500);
            status = host.execInContainer("corosync-qnetd-tool", "-s", "-v").getStdout();
        }
        return status;
    }

    private static String installNonInteractively(GenericContainer<?> host) throws Exception {
        // no terminal, stdin at EOF: a conffile prompt would fail the installation
        String out = run(host, "sh", "-c", "dpkg -i /root/corosync-qnetd.deb /root/corosync-qdevice.deb </dev/null 2>&1");
        System.out.println(out);
        assertThat(out).as("no conffile prompt").doesNotContain("Configuration file", "end of file on stdin");
        assertThat(run(host, "dpkg", "--audit")).as("dpkg --audit: no package half-installed or half-configured")
                .isEmpty();
        return out;
    }

    @Test
    void replacesRemovedCPackagesKeepingTheirSettingsAndCaWithTmpNoexec() throws Exception {
        DockerLab.requireEngine();
        try (Network network = DockerLab.internalNetwork(); GenericContainer<?> host = host(network)) {
            // A host that ran the C qnetd: its CA lives in an NSS database, its /etc/default file was edited,
            // then the C packages were removed, not purged (dpkg state "rc", conffiles left behind).
            run(host, "corosync-qnetd-certutil", "-i");
            String caBefore = run(host, "sh", "-c", "sed -n '/BEGIN CERT/,/END CERT/p' /etc/corosync/qnetd/nssdb/qnetd-cacert.crt");
            run(host, "sed", "-i", "s/^COROSYNC_QNETD_OPTIONS=\"\"/COROSYNC_QNETD_OPTIONS=\"-S listen_backlog=64\"/",
                    "/etc/default/corosync-qnetd");
            run(host, "sed", "-i", "s/^COROSYNC_QDEVICE_OPTIONS=\"\"/COROSYNC_QDEVICE_OPTIONS=\"-d\"/",
                    "/etc/default/corosync-qdevice");
            run(host, "dpkg", "-r", "corosync-qnetd", "corosync-qdevice");
            assertThat(run(host, "dpkg-query", "-W", "-f", "${db:Status-Abbrev}${Package}\\n", "corosync-qnetd", "corosync-qdevice"))
                    .contains("rc corosync-qnetd", "rc corosync-qdevice");

            installNonInteractively(host);
            assertThat(run(host, "dpkg-query", "-W", "-f", "${db:Status-Abbrev}${Package} ${Version}\\n",
                    "corosync-qnetd", "corosync-qdevice"))
                    .contains("ii corosync-qnetd 3.0.3+quorate", "ii corosync-qdevice 3.0.3+quorate");
            assertThat(run(host, "grep", "^COROSYNC", "/etc/default/corosync-qnetd", "/etc/default/corosync-qdevice"))
                    .as("the C package's settings carry over")
                    .contains("COROSYNC_QNETD_OPTIONS=\"-S listen_backlog=64\"", "COROSYNC_QDEVICE_OPTIONS=\"-d\"");
            assertThat(run(host, "ls", "/etc/corosync/qnetd/nssdb")).contains("qnetd-ca.p12", "qnetd-server.p12", "cert9.db");
            // Ownership as the C postinst leaves it: the group only on the directory, the NSS database and the two
            // bundles the daemon reads (group-readable, never wider than key4.db); the other files stay root's.
            String files = run(host, "sh", "-c", "cd /etc/corosync/qnetd/nssdb && stat -c '%U:%G %a %n' . * | sort -k3");
            System.out.println(files);
            String key4 = files.lines().filter(l -> l.endsWith(" key4.db")).findFirst().orElseThrow();
            assertThat(key4).startsWith("root:coroqnetd ");
            int key4Mode = Integer.parseInt(key4.split(" ")[1], 8);
            for (String p12 : new String[] {"qnetd-ca.p12", "qnetd-server.p12"}) {
                String line = files.lines().filter(l -> l.endsWith(" " + p12)).findFirst().orElseThrow();
                int mode = Integer.parseInt(line.split(" ")[1], 8);
                assertThat(line).as("%s\n%s", p12, files).startsWith("root:coroqnetd ");
                assertThat(mode & 0040).as("%s group-readable", line).isNotZero();
                assertThat(mode & ~key4Mode).as("%s no bit that key4.db (%s) lacks", line, key4).isZero();
            }
            assertThat(files.lines()).as("the directory and cert9.db").anyMatch(l -> l.matches("root:coroqnetd \\d+ \\."))
                    .anyMatch(l -> l.matches("root:coroqnetd \\d+ cert9\\.db"));
            for (String rootOnly : new String[] {"noise.txt", "pkcs11.txt", "pwdfile.txt", "serial.txt", "qnetd-cacert.crt"}) {
                files.lines().filter(l -> l.endsWith(" " + rootOnly)).forEach(l ->
                        assertThat(l).as("stays root's, as with the C package").startsWith("root:root "));
            }
            String caAfter = run(host, "sh", "-c", "sed -n '/BEGIN CERT/,/END CERT/p' /etc/corosync/qnetd/nssdb/qnetd-cacert.crt");
            assertThat(caAfter).as("the converted store keeps the C CA").isEqualTo(caBefore);
            assertThat(run(host, "sh", "-c", "zcat /usr/share/man/man8/corosync-qnetd.8.gz | head -1")).contains(".TH COROSYNC");

            // Started the way systemd starts it (INVOCATION_ID set, CacheDirectory=quorate made), with /tmp
            // noexec: the natives load from /usr/lib/quorate, epoll and BoringSSL included.
            run(host, "install", "-d", "-o", "coroqnetd", "-g", "coroqnetd", "/var/cache/quorate", "/run/corosync-qnetd");
            String status = startQnetd(host, QNETD_LOG);
            System.out.println(status);
            assertThat(status).as("status%s", logs(host)).contains("QNetd address:\t\t\t*:5403",
                    "TLS:\t\t\t\tSupported (client certificate required)");
            String log = run(host, "cat", QNETD_LOG);
            System.out.println(log);
            assertThat(log).contains("TLS by BoringSSL", "epoll transport", "QNetd ready")
                    .doesNotContain("UnsatisfiedLinkError", "failed to map segment");
            assertThat(run(host, "ls", "-A", "/tmp")).as("nothing unpacked into /tmp")
                    .doesNotContain("jna", "netty", ".so");

            // The tools and both certutils under the same noexec /tmp: a node enrolled against this CA.
            run(host, "corosync-qdevice-net-certutil", "-i", "-c", "/etc/corosync/qnetd/nssdb/qnetd-cacert.crt");
            run(host, "corosync-qdevice-net-certutil", "-r", "-n", "debtest");
            run(host, "corosync-qnetd-certutil", "-s", "-c", "/etc/corosync/qdevice/net/nssdb/qdevice-net-node.crq",
                    "-n", "debtest");
            run(host, "corosync-qdevice-net-certutil", "-M", "-c", "/etc/corosync/qnetd/nssdb/cluster-debtest.crt");
            assertThat(run(host, "ls", "/etc/corosync/qdevice/net/nssdb")).contains("qdevice-net-node.p12");
            ExecResult qdeviceTool = host.execInContainer("corosync-qdevice-tool", "-s");
            assertThat(qdeviceTool.getStderr()).as("qdevice-tool ran (no daemon)").contains("Can't connect to QDevice socket");

            // The launcher writes its class-data-sharing archive when qnetd stops and starts from it next time.
            run(host, "corosync-qnetd-tool", "-H");
            String archive = "";
            for (int i = 0; i < 60 && !archive.contains("corosync-qnetd.jsa"); i++) {
                Thread.sleep(500);
                archive = host.execInContainer("ls", "/var/cache/quorate").getStdout();
            }
            assertThat(archive).as("archive written at stop%s", logs(host)).contains("corosync-qnetd.jsa");
            assertThat(startQnetd(host, QNETD_LOG + ".2")).contains("QNetd address:\t\t\t*:5403");
            assertThat(run(host, "cat", QNETD_LOG + ".2")).as("the archive is used without a word")
                    .doesNotContain("cds").contains("QNetd ready");
            assertThat(run(host, "corosync-qnetd-tool", "-l", "--output-format", "json")).contains("\"type\":\"qnetd-list\"");
            run(host, "corosync-qnetd-tool", "-H");

            // The init script, for hosts without systemd (it runs the daemon as coroqnetd, options from /etc/default).
            for (int i = 0; i < 40 && host.execInContainer("corosync-qnetd-tool", "-s").getExitCode() == 0; i++) {
                Thread.sleep(250);
            }
            assertThat(run(host, "/etc/init.d/corosync-qnetd", "start")).contains("corosync-qnetd");
            assertThat(run(host, "/etc/init.d/corosync-qnetd", "status")).contains("is running");
            assertThat(run(host, "sh", "-c", "ps -o user:20=,args= -C java")).contains("coroqnetd", "listen_backlog=64");
            run(host, "/etc/init.d/corosync-qnetd", "stop");
            assertThat(host.execInContainer("/etc/init.d/corosync-qnetd", "status").getExitCode()).isEqualTo(3);

            ExecResult usage = host.execInContainer("/usr/sbin/corosync-qdevice", "-h");
            assertThat(usage.getExitCode()).isEqualTo(1);
            assertThat(usage.getStdout()).startsWith("usage: corosync-qdevice [-dfh]");
        }
    }

    @Test
    void upgradesAHostWithTheQuorate010Packages() throws Exception {
        DockerLab.requireEngine();
        try (Network network = DockerLab.internalNetwork(); GenericContainer<?> host = host(network)) {
            // The 0.1.0 packages were named quorate-qnetd/quorate-qdevice and replaced the C ones; stand-ins
            // with their names, versions, relations and conffiles are enough for dpkg's view of the upgrade.
            run(host, "dpkg", "--purge", "corosync-qnetd", "corosync-qdevice");
            for (String c : new String[] {"qnetd", "qdevice"}) {
                run(host, "sh", "-c", "set -e; d=/root/old-" + c + "; mkdir -p $d/DEBIAN $d/etc/default $d/usr/share/doc/quorate-" + c
                        + "; printf 'COROSYNC_" + c.toUpperCase() + "_OPTIONS=\"\"\\n' > $d/etc/default/corosync-" + c
                        + "; echo /etc/default/corosync-" + c + " > $d/DEBIAN/conffiles; echo old > $d/usr/share/doc/quorate-" + c + "/README"
                        + "; printf 'Package: quorate-" + c + "\\nVersion: 0.1.0~snapshot\\nArchitecture: all\\nMaintainer: Q <q@quorate.invalid>\\n"
                        + "Provides: corosync-" + c + "\\nConflicts: corosync-" + c + "\\nReplaces: corosync-" + c
                        + "\\nDescription: stand-in for Quorate 0.1.0\\n' > $d/DEBIAN/control; dpkg-deb -b $d /root/old-" + c + ".deb >/dev/null"
                        + "; dpkg -i /root/old-" + c + ".deb");
            }
            String out = installNonInteractively(host);
            assertThat(out).contains("will remove quorate-qnetd in favour of corosync-qnetd",
                    "will remove quorate-qdevice in favour of corosync-qdevice");
            String states = run(host, "sh", "-c", "dpkg-query -W -f '${db:Status-Abbrev}${Package}\\n' | grep -E 'corosync-q|quorate'");
            assertThat(states).contains("ii corosync-qnetd", "ii corosync-qdevice").doesNotContain("ii quorate-");
            assertThat(run(host, "dpkg", "-S", "/etc/default/corosync-qnetd")).startsWith("corosync-qnetd:");
            assertThat(run(host, "dpkg-query", "-W", "-f", "${Provides}", "corosync-qnetd")).isEqualTo("quorate-qnetd");
        }
    }
}
