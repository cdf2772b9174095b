package org.quorate.link.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * quorate-keygen against the real /usr/sbin/corosync-keygen 3.1.7, same flags, each into its own temp dir:
 * exit code, stdout and stderr byte for byte (the temp dir's name replaced by DIR), the key's size and mode.
 * Ours runs in this JVM with argv[0] = /usr/sbin/corosync-keygen, as the launcher would pass it when installed
 * under that name. Never a short random source: 3.1.7 would loop for ever on it.
 */
@Tag("realstack")
class KeygenDifferentialTest {
    private static final Path COROSYNC_KEYGEN = Path.of("/usr/sbin/corosync-keygen");

    @TempDir
    Path theirs;
    @TempDir
    Path ours;

    static Stream<String> cases() {
        return Stream.of(
                "-k DIR/authkey",
                "-k DIR/authkey -s 128",
                "-k DIR/authkey -s 4096",
                "-k DIR/authkey -s 127",
                "-k DIR/authkey -s 4097",
                "-k DIR/authkey -s 12x",
                "-lk DIR/authkey",
                "--key-file=DIR/authkey --size 200 --less-secure",
                "--k DIR/authkey --si 300",
                "-x",
                "-lx",
                "--bogus",
                "-k",
                "--size",
                "--help=1",
                "-h",
                "-hx",
                "-s 5 -h",
                "-k /proc/quorate-authkey",
                "-k DIR/no/such/dir/authkey",
                "-k DIR",
                "-r DIR/no-random -k DIR/authkey",
                "EXISTING -k DIR/existing",
                "stray -k DIR/authkey");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameOutputSameFile(String spec) throws Exception {
        assumeTrue(Files.isExecutable(COROSYNC_KEYGEN), "needs corosync-keygen 3.1.7 at " + COROSYNC_KEYGEN);
        for (Path d : List.of(theirs, ours)) {
            Path existing = d.resolve("existing");
            Files.write(existing, "an old key".getBytes(StandardCharsets.US_ASCII));
            Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("r--------"));
        }
        String flags = spec.replace("EXISTING ", "");
        KeygenRun c = runCorosync(args(flags, theirs));
        KeygenRun q = KeygenRun.of(COROSYNC_KEYGEN.toString(), args(flags, ours));
        assertThat(q.code()).as("exit code of %s", spec).isEqualTo(c.code());
        assertThat(q.out().replace(ours.toString(), "DIR")).as("stdout of %s", spec)
                .isEqualTo(c.out().replace(theirs.toString(), "DIR"));
        assertThat(q.err().replace(ours.toString(), "DIR")).as("stderr of %s", spec)
                .isEqualTo(c.err().replace(theirs.toString(), "DIR"));
        for (String name : List.of("authkey", "existing")) {
            Path t = theirs.resolve(name);
            Path o = ours.resolve(name);
            assertThat(Files.exists(o)).as("%s written by %s", name, spec).isEqualTo(Files.exists(t));
            if (Files.exists(t)) {
                assertThat(Files.size(o)).as("size of %s", name).isEqualTo(Files.size(t));
                assertThat(Files.getPosixFilePermissions(o)).as("mode of %s", name)
                        .isEqualTo(Files.getPosixFilePermissions(t));
            }
        }
    }

    private static List<String> args(String flags, Path dir) {
        List<String> a = new ArrayList<>();
        for (String w : flags.split(" ")) {
            a.add(w.replace("DIR", dir.toString()));
        }
        return a;
    }

    private static KeygenRun runCorosync(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(COROSYNC_KEYGEN.toString());
        cmd.addAll(args);
        Path out = Files.createTempFile("keygen-out", ".txt");
        Path err = Files.createTempFile("keygen-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("corosync-keygen " + args + " did not finish in 5 s");
            }
            return new KeygenRun(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
