package org.quorate.deploy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quorate.testsupport.docker.DockerLab;
import org.quorate.testsupport.docker.LocalImages;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installs the built .deb packages on a Debian bookworm host that ran the C packages, as an administrator
 * replacing them would: the C qnetd's NSS database must survive as the same CA, converted once by the
 * postinst, and the daemons and tools must start from the installed paths.
 */
@Tag("docker")
class DebianPackageIT {
    private static final Path TARGET = Path.of(System.getProperty("quorate.deploy.target", "target"));

    private static String run(GenericContainer<?> c, String... cmd) throws Exception {
        ExecResult r = c.execInContainer(cmd);
        assertThat(r.getExitCode()).as("%s\nstdout: %s\nstderr: %s", String.join(" ", cmd), r.getStdout(), r.getStderr())
                .isZero();
        return r.getStdout();
    }

    private static Path deb(String prefix) throws Exception {
        try (var files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".deb"))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "*.deb in " + TARGET
                            + " (run mvn package first)"));
        }
    }

    /** Starts qnetd in the background as the systemd unit would and waits until its status answers. */
    private static String startQnetd(GenericContainer<?> host, String log) throws Exception {
        run(host, "sh", "-c", "INVOCATION_ID=deb-test exec corosync-qnetd -f >" + log + " 2>&1 </dev/null &");
        String status = "";
        for (int i = 0; i < 60 && !status.contains("TLS:"); i++) {
            Thread.sleep(500);
            status = host.execInContainer("corosync-qnetd-tool", "-s", "-v").getStdout();
        }
        return status;
    }

    @Test
    void replacesTheCPackagesAndKeepsTheQnetdCa() throws Exception {
        DockerLab.requireEngine();
        try (Network network = DockerLab.internalNetwork();
             GenericContainer<?> host = DockerLab.host(LocalImages.COROSYNC, network, "qnetd-host")) {
            host.withCopyFileToContainer(MountableFile.forHostPath(deb("quorate-qnetd_")), "/tmp/quorate-qnetd.deb");
            host.withCopyFileToContainer(MountableFile.forHostPath(deb("quorate-qdevice_")), "/tmp/quorate-qdevice.deb");
            host.withStartupTimeout(Duration.ofSeconds(60));
            host.start();

            // A host that ran the C qnetd: its CA lives in an NSS database.
            run(host, "corosync-qnetd-certutil", "-i");
            String caBefore = run(host, "sh", "-c", "sed -n '/BEGIN CERT/,/END CERT/p' /etc/corosync/qnetd/nssdb/qnetd-cacert.crt");

            run(host, "dpkg", "-r", "corosync-qnetd", "corosync-qdevice");
            String install = run(host, "dpkg", "-i", "/tmp/quorate-qnetd.deb", "/tmp/quorate-qdevice.deb");
            System.out.println(install);
            assertThat(run(host, "ls", "/etc/corosync/qnetd/nssdb")).contains("qnetd-ca.p12", "qnetd-server.p12", "cert9.db");
            String caAfter = run(host, "sh", "-c", "sed -n '/BEGIN CERT/,/END CERT/p' /etc/corosync/qnetd/nssdb/qnetd-cacert.crt");
            assertThat(caAfter).as("the converted store keeps the C CA").isEqualTo(caBefore);

            // Started the way systemd starts it (INVOCATION_ID set, CacheDirectory=quorate made), the launcher
            // writes its class-data-sharing archive when qnetd stops and starts from it the next time.
            run(host, "mkdir", "-p", "/var/cache/quorate");
            String status = startQnetd(host, "/var/log/qnetd.log");
            System.out.println(status);
            assertThat(status).contains("QNetd address:\t\t\t*:5403",
                    "TLS:\t\t\t\tSupported (client certificate required)");
            run(host, "corosync-qnetd-tool", "-H");
            String archive = "";
            for (int i = 0; i < 60 && !archive.contains("corosync-qnetd.jsa"); i++) {
                Thread.sleep(500);
                archive = host.execInContainer("ls", "/var/cache/quorate").getStdout();
            }
            assertThat(archive).as("archive written at stop").contains("corosync-qnetd.jsa");
            assertThat(startQnetd(host, "/var/log/qnetd2.log")).contains("QNetd address:\t\t\t*:5403");
            assertThat(run(host, "cat", "/var/log/qnetd2.log")).as("the archive is used without a word")
                    .doesNotContain("cds").contains("QNetd ready");
            assertThat(run(host, "corosync-qnetd-tool", "-l", "--output-format", "json")).contains("\"type\":\"qnetd-list\"");

            ExecResult usage = host.execInContainer("/usr/sbin/corosync-qdevice", "-h");
            assertThat(usage.getExitCode()).isEqualTo(1);
            assertThat(usage.getStdout()).startsWith("usage: corosync-qdevice [-dfh]");
            assertThat(run(host, "dpkg-query", "-W", "-f", "${Package} ${Status}\\n", "quorate-qnetd", "quorate-qdevice"))
                    .contains("quorate-qnetd install ok installed", "quorate-qdevice install ok installed");
            run(host, "corosync-qnetd-tool", "-H");
        }
    }
}
