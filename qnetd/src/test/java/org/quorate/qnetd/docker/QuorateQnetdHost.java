package org.quorate.qnetd.docker;

import org.quorate.testsupport.docker.DockerLab;
import org.quorate.testsupport.docker.LocalImages;
import org.quorate.testsupport.lab.Await;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Debian host with nothing but a JRE, running Quorate's shaded qnetd jar the way an operator would:
 * {@code java -jar quorate-qnetd.jar -f -s on}, default paths, so the daemon creates its CA and server
 * certificate in {@code /etc/corosync/qnetd/nssdb} on its first start.
 */
final class QuorateQnetdHost implements AutoCloseable {
    static final String ALIAS = "qnetd";
    static final String JAR = "/opt/quorate/quorate-qnetd.jar";
    static final String LOG = "/var/log/quorate-qnetd.log";
    static final String NSSDB = "/etc/corosync/qnetd/nssdb";

    private final GenericContainer<?> box;

    QuorateQnetdHost(Network network, Path jar) {
        box = DockerLab.host(LocalImages.JRE, network, ALIAS)
                .withCopyFileToContainer(MountableFile.forHostPath(jar), JAR);
    }

    /** The jar failsafe built in the package phase; fails with the command to build it when it is missing. */
    static Path shadedJar() {
        String property = System.getProperty("quorate.qnetd.jar", "target/quorate-qnetd.jar");
        Path jar = Path.of(property).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the shaded qnetd jar " + jar + " is missing; this test runs in the "
                    + "integration-test phase (mvn -Pall verify), or build it first: mvn -pl qnetd -am package -DskipTests");
        }
        return jar;
    }

    GenericContainer<?> container() {
        return box;
    }

    void start() {
        box.start();
        // the package makes the empty directory; qnetd creates its CA only in an existing one
        Containers.run(box, "mkdir", "-p", NSSDB);
        Containers.startDaemon(box, "java -Xmx96m -jar " + JAR + " -f -s on", LOG);
        Await.until("Quorate qnetd to listen", Duration.ofSeconds(60), Duration.ofMillis(250),
                () -> Containers.tail(box, LOG), log -> log.contains("QNetd listening") || log.contains("stopped"),
                log -> log);
        String log = log();
        if (!log.contains("QNetd listening")) {
            throw new AssertionError("Quorate qnetd did not start:\n" + log);
        }
    }

    /** {@code qnetd-cacert.crt}: the CA listing + PEM the C node tool imports with {@code -i -c}. */
    byte[] caExport() {
        return Containers.read(box, NSSDB + "/qnetd-cacert.crt");
    }

    /** {@code qnetd-ca.p12}: the CA key, to sign cluster certificates like {@code corosync-qnetd-certutil -s}. */
    byte[] caKeyStore() {
        return Containers.read(box, NSSDB + "/qnetd-ca.p12");
    }

    /** {@code corosync-qnetd-tool} of the same jar, talking to the daemon over its admin socket. */
    String tool(String... args) {
        String[] command = new String[4 + args.length];
        command[0] = "java";
        command[1] = "-cp";
        command[2] = JAR;
        command[3] = "org.quorate.qnetd.admin.QnetdTool";
        System.arraycopy(args, 0, command, 4, args.length);
        return Containers.run(box, command);
    }

    String log() {
        return Containers.tail(box, LOG);
    }

    @Override
    public void close() {
        box.stop();
    }
}
