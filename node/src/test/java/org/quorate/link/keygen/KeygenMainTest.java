package org.quorate.link.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenMainTest {
    @TempDir
    Path dir;

    private KeygenRun run(String... args) {
        return KeygenRun.of("/usr/sbin/quorate-keygen", List.of(args));
    }

    @Test
    void writes256RandomBytesWithMode0400() throws IOException {
        Path key = dir.resolve("authkey");
        KeygenRun r = run("-k", key.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("Corosync Cluster Engine Authentication key generator.\n"
                + "Gathering 2048 bits for key from /dev/urandom.\n"
                + "Writing corosync key to " + key + ".\n");
        assertThat(r.err()).isEmpty();
        assertThat(Files.size(key)).isEqualTo(256);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("r--------");
        byte[] first = Files.readAllBytes(key);
        assertThat(run("-lk", key.toString()).code()).as("an existing key is overwritten").isZero();
        assertThat(Files.readAllBytes(key)).isNotEqualTo(first);
    }

    @Test
    void sizeIsInBytesFrom128To4096AsStrtollReadsIt() throws IOException {
        Path key = dir.resolve("k");
        assertThat(run("-s", "128", "-k", key.toString()).out()).contains("Gathering 1024 bits");
        assertThat(Files.size(key)).isEqualTo(128);
        assertThat(run("--size= 4096", "--key-file=" + key).code()).isZero();
        assertThat(Files.size(key)).isEqualTo(4096);
        assertThat(run("-s+200", "-k", key.toString()).code()).isZero();
        for (String bad : List.of("127", "4097", "12x", "0x100", "-5", "", "99999999999999999999")) {
            KeygenRun r = run("-k", key.toString(), "-s", bad);
            assertThat(r.code()).as(bad).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("quorate-keygen: Unsupported key size (supported <128,4096>)\n\n");
        }
    }

    @Test
    void getoptsDiagnosticsNameArgv0AndOptionsActInOrder() {
        assertThat(run("-x")).isEqualTo(new KeygenRun(1, "Error parsing command line options.\n",
                "/usr/sbin/quorate-keygen: invalid option -- 'x'\n"));
        assertThat(run("--bogus=1").err()).isEqualTo("/usr/sbin/quorate-keygen: unrecognized option '--bogus=1'\n");
        assertThat(run("-k").err()).isEqualTo("/usr/sbin/quorate-keygen: option requires an argument -- 'k'\n");
        assertThat(run("--size").err()).isEqualTo("/usr/sbin/quorate-keygen: option '--size' requires an argument\n");
        assertThat(run("--he=x").err()).isEqualTo("/usr/sbin/quorate-keygen: option '--help' doesn't allow an "
                + "argument\n");
        assertThat(run("-hx").code()).as("help comes first").isZero();
        assertThat(run("-xh").code()).isEqualTo(1);
        assertThat(run("-s", "5", "-h").code()).isEqualTo(1);
        assertThat(run("-h", "-s", "5").out()).startsWith("Usage: quorate-keygen [-k <keyfile>]");
        assertThat(run("--", "-x").err()).as("after --, -x is no option").doesNotContain("invalid option");
    }

    @Test
    void helpIsCorosyncsUsageWithTheProgramsName() {
        KeygenRun r = KeygenRun.of("corosync-keygen", List.of("--help"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(String.format(KeygenMain.USAGE, "corosync-keygen") + "\n");
        assertThat(r.out()).endsWith("     -h / --help -  Print basic usage.\n\n");
    }

    @Test
    void fileErrorsCarryCorosyncsExitCodes() throws IOException {
        KeygenRun missingDir = run("-k", dir.resolve("no/such/dir/key").toString());
        assertThat(missingDir.code()).isEqualTo(2);
        assertThat(missingDir.err()).isEqualTo("quorate-keygen: Could not create " + dir.resolve("no/such/dir/key")
                + ": No such file or directory\n");
        KeygenRun isDir = run("-k", dir.toString());
        assertThat(isDir.code()).isEqualTo(2);
        assertThat(isDir.err()).endsWith(": Is a directory\n");
        KeygenRun noRandom = run("-r", dir.resolve("none").toString(), "-k", dir.resolve("k").toString());
        assertThat(noRandom.code()).isEqualTo(1);
        assertThat(noRandom.err()).isEqualTo("quorate-keygen: Failed to open random source: No such file or "
                + "directory\n");
        Path shortSource = dir.resolve("short");
        Files.write(shortSource, new byte[100]);
        KeygenRun ended = run("-r", shortSource.toString(), "-k", dir.resolve("k").toString());
        assertThat(ended.code()).isEqualTo(1);
        assertThat(ended.out()).endsWith("Press keys on your keyboard to generate entropy (1248 bits still needed).\n");
        assertThat(ended.err()).isEqualTo("quorate-keygen: Unexpected end of " + shortSource + "\n");
    }
}
