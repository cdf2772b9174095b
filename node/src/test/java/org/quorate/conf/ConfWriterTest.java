package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConfWriterTest {
    private static final String OLD = "totem {\n\tversion: 2\n\tconfig_version: 7\n}\n\nnodelist {\n\tnode {\n"
        + "\t\tnodeid: 1\n\t\tring0_addr: 198.19.100.1\n\t}\n}\n";

    @TempDir
    Path dir;

    /** The steps of an atomic replace; a crash can come after any of them. */
    enum Step { CREATE, WRITE, FSYNC, RENAME, FSYNC_DIR }

    /** Delegates to the real file system and dies at one step; a crash also skips the clean-up. */
    static final class Crashing implements AtomicFiles {
        private final AtomicFiles real = AtomicFiles.system();
        private final Step at;
        private final boolean crash;

        Crashing(Step at, boolean crash) {
            this.at = at;
            this.crash = crash;
        }

        private void maybeFail(Step step) throws IOException {
            if (step == at) {
                throw new IOException("injected failure at " + step);
            }
        }

        @Override
        public Path createTemp(Path d, String prefix) throws IOException {
            if (!crash) {
                maybeFail(Step.CREATE); // a failing create leaves nothing behind
            }
            Path p = real.createTemp(d, prefix);
            maybeFail(Step.CREATE); // a crash just after it leaves an empty temporary file
            return p;
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            // a failure in the middle of write leaves half of the bytes in the temporary file
            if (at == Step.WRITE) {
                real.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            } else {
                real.write(file, bytes);
            }
            maybeFail(Step.WRITE);
        }

        @Override
        public void fsync(Path file) throws IOException {
            real.fsync(file);
            maybeFail(Step.FSYNC);
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            maybeFail(Step.RENAME);
            real.rename(from, to);
        }

        @Override
        public void fsyncDirectory(Path d) throws IOException {
            real.fsyncDirectory(d);
            maybeFail(Step.FSYNC_DIR);
        }

        @Override
        public void deleteIfExists(Path file) throws IOException {
            if (!crash) {
                real.deleteIfExists(file);
            }
        }
    }

    private Path target() throws IOException {
        Path t = dir.resolve("corosync.conf");
        Files.writeString(t, OLD);
        return t;
    }

    @Test
    void writesTheEditAndBumpsTheVersion() throws IOException {
        Path t = target();
        ConfDocument doc = ConfParser.parse(t);
        doc.root().section("nodelist").orElseThrow().addSection("node").set("nodeid", "2").set("ring0_addr", "198.19.100.2");
        String written = ConfWriter.system().write(doc, t, true);
        assertThat(Files.readString(t)).isEqualTo(written).contains("config_version: 8").contains("ring0_addr: 198.19.100.2");
        assertThat(ConfParser.parse(t).cmap()).containsEntry("nodelist.node.1.nodeid", "2");
        assertThat(leftovers()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void aCrashAtAnyStepLeavesTheOldOrTheNewFileWhole(Step step) throws IOException {
        for (boolean crash : List.of(true, false)) {
            Path t = target();
            ConfDocument doc = ConfParser.parse(t);
            doc.root().section("totem").orElseThrow().set("token", "1000");
            String intended = doc.text();
            assertThatThrownBy(() -> new ConfWriter(new Crashing(step, crash)).replace(t, intended.getBytes()))
                .isInstanceOf(ConfException.class).hasMessageContaining("injected failure at " + step);
            String now = Files.readString(t);
            assertThat(now).isIn(OLD, intended);
            assertThat(now).isEqualTo(step == Step.FSYNC_DIR ? intended : OLD);
            ConfParser.parse(t); // whole, so it parses
            if (!crash) {
                assertThat(leftovers()).as("a failed step removes its temporary file").isEmpty();
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    if (!p.equals(t)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Test
    void aBadEditWritesNothing() throws IOException {
        Path t = target();
        ConfDocument doc = ConfParser.parse(t);
        doc.root().section("totem").orElseThrow().set("token", "fast");
        assertThatThrownBy(() -> ConfWriter.system().write(doc, t, true)).isInstanceOf(ConfException.class)
            .hasMessageContaining("Value of key \"totem.token\"");
        ConfDocument dup = ConfParser.parse(t);
        dup.root().section("nodelist").orElseThrow().addSection("node").set("nodeid", "1").set("ring0_addr", "198.19.100.9");
        assertThatThrownBy(() -> ConfWriter.system().write(dup, t, false)).isInstanceOf(ConfException.class)
            .hasMessageContaining("Nodeid 1 appears twice in corosync.conf");
        assertThat(Files.readString(t)).isEqualTo(OLD);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void keepsTheTargetsMode() throws IOException {
        Path t = target();
        Files.setPosixFilePermissions(t, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        ConfDocument doc = ConfParser.parse(t);
        ConfWriter.system().write(doc, t, true);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(t)))
            .isEqualTo("rw-r--r--");
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().equals("corosync.conf")).toList();
        }
    }
}
