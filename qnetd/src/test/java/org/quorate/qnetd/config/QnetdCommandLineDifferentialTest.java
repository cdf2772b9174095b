package org.quorate.qnetd.config;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real Debian corosync-qnetd with command lines that make it exit before it starts, and
 * checks that Quorate prints the same texts and exits with the same status.
 */
@Tag("realstack")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class QnetdCommandLineDifferentialTest {
    private static final Path C_QNETD = Path.of("/usr/bin/corosync-qnetd");

    @ParameterizedTest
    @ValueSource(strings = {"-h", "-x", "-p", "-p 0", "-p 70000", "-s maybe", "-S foo=1", "-S listen_backlog=0",
            "-m x", "-c maybe", "-S dpd_interval=3 -h", "-fd -h", "-S max_client_send_buffers=1", "-h -x", "-x -h"})
    void sameOutputAndStatusAsTheCDaemon(String line) throws Exception {
        assertThat(Files.isExecutable(C_QNETD)).as("the Debian package corosync-qnetd must be installed").isTrue();
        String[] args = line.split(" ");
        // argv[0] is what glibc getopt prints, so start it by name as systemd and users do.
        List<String> cmd = new ArrayList<>(List.of("corosync-qnetd"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("corosync-qnetd %s exits", line).isTrue();
        String out = read(p.getInputStream().readAllBytes());
        String err = read(p.getErrorStream().readAllBytes());

        QnetdCommandLine.Outcome ours = QnetdCommandLine.parse(args, QnetdSettings.defaults());
        assertThat(ours).isInstanceOf(QnetdCommandLine.Exit.class);
        QnetdCommandLine.Exit exit = (QnetdCommandLine.Exit) ours;
        assertThat(exit.status()).isEqualTo(p.exitValue());
        assertThat(exit.stdout()).isEqualTo(out);
        assertThat(exit.stderr()).isEqualTo(err);
    }

    // ---- start-up with a certificate directory that is missing or closed (issue #8 §3, §4) -------------

    @TempDir
    Path tmp;

    /**
     * A mistyped nss_db_dir: both refuse with "Can't open NSS DB directory (2): No such file or directory" and
     * exit status 1, also when other -S options come first; Quorate adds one line that names the path. No
     * directory and no CA are created.
     */
    @ParameterizedTest
    @ValueSource(strings = {"-S nss_db_dir=MISSING", "-S lock_file=LOCK,nss_db_dir=MISSING",
            "-S listen_backlog=10 -S nss_db_dir=MISSING", "-s on -S listen_backlog=10,nss_db_dir=MISSING"})
    void aMissingCertificateDirectoryIsRefusedLikeTheCDaemon(String line) throws Exception {
        Path missing = tmp.resolve("typo/nssdb");
        Daemon c = start(cDaemon(), line, missing, null);
        Daemon ours = start(quorateDaemon(), line, missing, null);
        assertThat(c.exit()).as("C corosync-qnetd %s", line).isEqualTo(1);
        System.out.println("C       (exit " + c.exit() + "): " + c.lines());
        System.out.println("Quorate (exit " + ours.exit() + "): " + ours.lines());
        assertThat(ours.exit()).isEqualTo(c.exit());
        // the C lines first, then one line with the path, then the "QNetd stopped" every failed start logs
        assertThat(ours.lines()).startsWith(c.lines().toArray(String[]::new));
        assertThat(ours.lines()).hasSize(c.lines().size() + 2).endsWith("QNetd stopped");
        assertThat(ours.lines().get(c.lines().size())).contains(missing.toString());
        assertThat(tmp.resolve("typo")).doesNotExist();
    }

    /** With -s off no certificates are needed: both serve although nss_db_dir does not exist. */
    @Test
    void withTlsOffAMissingDirectoryDoesNotMatter() throws Exception {
        Path missing = tmp.resolve("typo/nssdb");
        for (List<String> daemon : List.of(cDaemon(), quorateDaemon())) {
            Daemon run = start(daemon, "-s off -S nss_db_dir=MISSING", missing, null);
            assertThat(run.exit()).as("%s still serving after %d s: %s", daemon, SERVE_SECONDS, run.lines())
                    .isEqualTo(RUNNING);
        }
        assertThat(tmp.resolve("typo")).doesNotExist();
    }

    /**
     * The store belongs to root (pcs qdevice destroy + setup) while the daemon runs as another user. The C
     * daemon says "(13): Permission denied"; Quorate names the directory, its owner and mode, and the user.
     */
    @Test
    void aClosedCertificateDirectoryNamesOwnerModeAndUser() throws Exception {
        assertThat(Files.isExecutable(Path.of("/usr/bin/setpriv"))).as("setpriv (util-linux) is needed").isTrue();
        Path store = Files.createDirectories(tmp.resolve("etc/qnetd/nssdb"));
        org.quorate.certs.store.QnetdCertStore.ensureInitialized(store, java.time.Instant.now(), m -> { });
        Files.setPosixFilePermissions(store, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        worldReadable(tmp);
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> nobody = List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups");

        Daemon c = start(cDaemon(), "-S nss_db_dir=MISSING", store, nobody);
        Daemon ours = start(quorateDaemon(readableClasspath()), "-S nss_db_dir=MISSING", store, nobody);
        System.out.println("C       (exit " + c.exit() + "): " + c.lines());
        System.out.println("Quorate (exit " + ours.exit() + "): " + ours.lines());
        assertThat(c.lines()).contains("Can't open NSS DB directory (13): Permission denied");
        assertThat(ours.exit()).isEqualTo(c.exit()).isEqualTo(1);
        assertThat(ours.lines()).containsExactly("Can't open NSS DB directory " + store
                + " (owner root:root, mode 0700) as user nobody: permission denied", "QNetd stopped");
    }

    private static final int RUNNING = -1;
    private static final int SERVE_SECONDS = 3;
    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile(
            "^[A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d ");

    /** Exit status (or {@link #RUNNING}) and the output lines without the time stamp. */
    private record Daemon(int exit, List<String> lines) {
    }

    private Daemon start(List<String> daemon, String line, Path nssDbDir, List<String> asUser) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        List<String> cmd = new ArrayList<>(asUser == null ? List.of() : asUser);
        cmd.addAll(daemon);
        cmd.addAll(List.of("-f", "-l", "127.0.0.1", "-p", "45423"));
        for (String arg : line.split(" ")) {
            cmd.add(arg.replace("MISSING", nssDbDir.toString()).replace("LOCK", work.resolve("a.pid").toString()));
        }
        // last, so that lock file and socket never land in /var/run whatever the case sets
        cmd.addAll(List.of("-S", "lock_file=" + work.resolve("q.pid") + ",local_socket_file=" + work.resolve("q.sock")));
        Path output = Files.createTempFile(tmp, "daemon", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        // a refused start exits within a second or two; one that serves is stopped after SERVE_SECONDS
        boolean exited = p.waitFor(line.contains("-s off") ? SERVE_SECONDS : 30, TimeUnit.SECONDS);
        if (!exited) {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readString(output).lines()
                .map(text -> TIMESTAMP.matcher(text).replaceFirst("").replaceFirst("^(error|crit|warning|info|debug) +", ""))
                .filter(text -> !text.isBlank()).toList();
        return new Daemon(exited ? p.exitValue() : RUNNING, lines);
    }

    private static List<String> cDaemon() {
        return List.of(C_QNETD.toString());
    }

    private static List<String> quorateDaemon() {
        return quorateDaemon(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    }

    private static List<String> quorateDaemon(String classpath) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "org.quorate.qnetd.daemon.QnetdMain");
    }

    /** The test class path copied where another user can read it (root's ~/.m2 is closed). */
    private String readableClasspath() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(java.io.File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = dir.resolve((i++) + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                try (var paths = Files.walk(source)) {
                    for (Path from : paths.toList()) {
                        Files.copy(from, target.resolve(source.relativize(from).toString()));
                    }
                }
            } else {
                Files.copy(source, target);
            }
            entries.add(target.toString());
        }
        worldReadable(dir);
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void worldReadable(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (path.toString().contains("/etc/")) {
                    continue;
                }
                Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static String read(byte[] bytes) throws IOException {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
