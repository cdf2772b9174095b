package org.quorate.link.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthKeyTest {
    @TempDir
    Path dir;

    @Test
    void readsAKeyfileUpTo4096Bytes() throws IOException {
        Path f = dir.resolve("authkey");
        Files.write(f, new byte[256]);
        assertThat(AuthKey.read(f).length()).isEqualTo(256);
        Files.write(f, new byte[5000]);
        assertThat(AuthKey.read(f).length()).as("corosync reads at most 4096 bytes").isEqualTo(4096);
        Files.write(f, new byte[128]);
        assertThat(AuthKey.read(f).length()).isEqualTo(128);
    }

    @Test
    void corosyncsMessagesNameTheFile() throws IOException {
        Path f = dir.resolve("short");
        Files.write(f, new byte[100]);
        assertThatThrownBy(() -> AuthKey.read(f)).isInstanceOf(IOException.class)
                .hasMessage("Could only read 800 bits of minimum 1024 bits from " + f + ".");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> AuthKey.read(missing))
                .hasMessage("Could not open " + missing + ": No such file or directory");
        assertThatThrownBy(() -> AuthKey.read(dir)).hasMessage("Could not read " + dir + ": Is a directory");
    }

    @Test
    void ofChecksTheLengthAndCopies() {
        assertThatThrownBy(() -> AuthKey.of(new byte[127])).hasMessageContaining("127 bytes")
                .hasMessageContaining("128..4096");
        assertThatThrownBy(() -> AuthKey.of(new byte[4097])).hasMessageContaining("4097 bytes");
        byte[] secret = new byte[128];
        secret[0] = 9;
        AuthKey k = AuthKey.of(secret);
        secret[0] = 0;
        assertThat(k.secret()[0]).isEqualTo((byte) 9);
        assertThat(k.toString()).isEqualTo("AuthKey[128 bytes]");
    }
}
