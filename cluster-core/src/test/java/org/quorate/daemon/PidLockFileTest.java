package org.quorate.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PidLockFileTest {
    @Test
    void writesPidAndRefusesASecondInstance(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run/corosync-qnetd.pid");
        try (PidLockFile lock = PidLockFile.acquire(file)) {
            assertThat(Files.readString(file)).isEqualTo(ProcessHandle.current().pid() + "\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwxrwx---");
            assertThatThrownBy(() -> PidLockFile.acquire(file)).isInstanceOf(IOException.class)
                    .hasMessageContaining("Another instance is running").hasMessageContaining(file.toString());
        }
        assertThat(file).doesNotExist();
    }
}
