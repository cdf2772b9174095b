package org.quorate.link.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CryptoConfigTest {
    private final AtomicInteger loads = new AtomicInteger();
    private final CryptoConfig.KeySource keys = () -> {
        loads.incrementAndGet();
        return AuthKey.of(new byte[256]);
    };

    @Test
    void secauthOnMeansAes256WithSha256() {
        CryptoConfig c = CryptoConfig.fromCorosync("on", null, null, keys);
        assertThat(c.suite()).isEqualTo(CipherSuite.AES_256_GCM);
        assertThat(c.origin()).isEqualTo("crypto_cipher aes256, crypto_hash sha256");
        assertThat(c.key().length()).isEqualTo(256);
    }

    @Test
    void explicitCipherAndHashOverrideSecauth() {
        assertThat(CryptoConfig.fromCorosync("on", "aes128", null, keys).suite()).isEqualTo(CipherSuite.AES_128_GCM);
        assertThat(CryptoConfig.fromCorosync(null, "aes192", "sha1", keys).suite()).isEqualTo(CipherSuite.AES_192_GCM);
        assertThat(CryptoConfig.fromCorosync("on", "none", null, keys).suite()).isEqualTo(CipherSuite.HMAC_SHA256);
        assertThat(CryptoConfig.fromCorosync(null, null, "md5", keys).suite()).isEqualTo(CipherSuite.HMAC_SHA256);
        assertThat(CryptoConfig.fromCorosync("on", "none", "none", keys).enabled()).isFalse();
    }

    @Test
    void aCipherWithoutAHashIsCorosyncsError() {
        assertThatThrownBy(() -> CryptoConfig.fromCorosync(null, "aes256", null, keys))
                .hasMessage("totem.crypto_hash: crypto_cipher requires crypto_hash with value other than none");
        assertThatThrownBy(() -> CryptoConfig.fromCorosync("on", null, "none", keys))
                .hasMessageContaining("crypto_cipher requires crypto_hash");
    }

    @Test
    void unknownNamesAreCorosyncsParseErrors() {
        assertThatThrownBy(() -> CryptoConfig.fromCorosync(null, "aes-256-gcm", "sha256", keys))
                .hasMessage("totem.crypto_cipher: \"aes-256-gcm\": Invalid cipher type. Should be none, aes256, "
                        + "aes192 or aes128");
        assertThatThrownBy(() -> CryptoConfig.fromCorosync(null, "aes256", "sha3", keys))
                .hasMessageContaining("Invalid hash type. Should be none, md5, sha1, sha256, sha384 or sha512");
    }

    @Test
    void noProtectionOnlyWhenTheConfigurationSaysSo() {
        assertThatThrownBy(() -> CryptoConfig.fromCorosync(null, null, null, keys))
                .hasMessageContaining("secauth, crypto_cipher and crypto_hash are all absent");
        assertThat(CryptoConfig.fromCorosync("off", null, null, keys).enabled()).isFalse();
        assertThat(CryptoConfig.fromCorosync(null, "none", "none", keys).enabled()).isFalse();
        assertThat(loads).as("the key is read only when crypto is on").hasValue(0);
    }

    @Test
    void aKeyfileErrorCarriesCorosyncsMessage() {
        Path missing = Path.of("/nonexistent/authkey");
        assertThatThrownBy(() -> CryptoConfig.fromCorosync("on", null, null, CryptoConfig.KeySource.file(missing)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("Could not open /nonexistent/authkey: No such file or directory")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void factories() {
        AuthKey k = AuthKey.of(new byte[128]);
        assertThat(CryptoConfig.aead(k).suite()).isEqualTo(CipherSuite.AES_256_GCM);
        assertThat(CryptoConfig.chacha20Poly1305(k).suite()).isEqualTo(CipherSuite.CHACHA20_POLY1305);
        assertThat(CryptoConfig.none().enabled()).isFalse();
        assertThat(CryptoConfig.aead(k).key()).isNotSameAs(k);
        assertThatThrownBy(() -> CryptoConfig.of(CipherSuite.AES_128_GCM, null)).hasMessageContaining("needs an authkey");
    }
}
