package org.quorate.certs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When qnetd's first start may create a CA (issue #8 §4: never from a mistyped nss_db_dir). */
class FirstStartRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final NssMirror NO_NSS_TOOLS = NssMirror.with(Optional.empty(), line -> { });

    @TempDir
    Path root;

    @Test
    void aMissingDirectoryIsRefusedWithTheCDaemonsLineAndNothingIsCreated() {
        Path typo = root.resolve("etc/corosync/qnetd/nsdb");

        Throwable refused = catchThrowable(() -> QnetdCertStore.ensureInitialized(typo, NOW, line -> { },
                NO_NSS_TOOLS));

        assertThat(refused).isInstanceOf(DirectoryAccessException.class)
                .hasMessage("Can't open NSS DB directory " + typo + ": no such directory");
        assertThat(((DirectoryAccessException) refused).cDaemonLine())
                .isEqualTo("Can't open NSS DB directory (2): No such file or directory");
        assertThat(root.resolve("etc")).doesNotExist();
    }

    @Test
    void anEmptyExistingDirectoryGetsTheCaAndTheMissingToolsAreSaidOnce() throws Exception {
        Path dir = Files.createDirectories(root.resolve("nssdb"));
        List<String> progress = new ArrayList<>();

        QnetdCertStore store = QnetdCertStore.ensureInitialized(dir, NOW, progress::add,
                NssMirror.with(Optional.empty(), progress::add));

        assertThat(progress).containsOnlyOnce(NssTools.MISSING).contains("Creating new CA");
        assertThat(store.caCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=QNet CA");
        assertThat(dir.resolve("qnetd-server.p12")).exists();
        assertThat(dir.resolve("cert9.db")).doesNotExist();
    }

    @Test
    void aNonEmptyDirectoryWithoutStoreIsNotTurnedIntoANewCa() throws Exception {
        Path dir = Files.createDirectories(root.resolve("nssdb"));
        Files.writeString(dir.resolve("qnetd-cacert.crt"), "left over\n");

        Throwable refused = catchThrowable(() -> QnetdCertStore.ensureInitialized(dir, NOW, line -> { },
                NO_NSS_TOOLS));

        assertThat(refused).isInstanceOf(StoreStateException.class)
                .hasMessage("No certificate database in " + dir + ". Create one with: corosync-qnetd-certutil -i");
        assertThat(dir.resolve("qnetd-ca.p12")).doesNotExist();
    }

    @Test
    void accessProblemsNameThePathOwnerModeAndUser() {
        FileAccess.DirectoryProblem problem = new FileAccess.DirectoryProblem(
                FileAccess.DirectoryProblem.Kind.NO_ACCESS, Path.of("/etc/corosync/qnetd/nssdb"),
                "owner root:root, mode 0700");

        assertThat(problem.message("coroqnetd")).isEqualTo("Can't open NSS DB directory /etc/corosync/qnetd/nssdb"
                + " (owner root:root, mode 0700) as user coroqnetd: permission denied");
        assertThat(problem.cDaemonLine()).isEqualTo("Can't open NSS DB directory (13): Permission denied");
    }

    @Test
    void ownerAndModeAreReadFromTheFileSystem() throws Exception {
        Path dir = Files.createDirectories(root.resolve("d"));
        Files.setPosixFilePermissions(dir, FileModes.fromBits(0750));
        String user = System.getProperty("user.name");

        assertThat(FileAccess.ownerAndMode(dir)).startsWith("owner " + user + ":").endsWith(", mode 0750");
        assertThat(FileAccess.checkDirectory(dir)).isEmpty();
    }

    @Test
    void modesConvertBothWays() {
        for (int mode : new int[] {0600, 0640, 0660, 0644, 0770, 0750}) {
            assertThat(FileModes.octal(FileModes.fromBits(mode))).isEqualTo(String.format("%04o", mode));
        }
        assertThat(FileModes.octal(FileModes.masked(0660))).isEqualTo(String.format("%04o",
                0660 & ~FileModes.umask()));
    }
}
