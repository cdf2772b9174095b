package org.quorate.link.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyRingTest {
    private static AuthKey key(int fill) {
        byte[] b = new byte[128];
        java.util.Arrays.fill(b, (byte) fill);
        return AuthKey.of(b);
    }

    @Test
    void rotationInstallSwitchRemove() {
        KeyRing ring = new KeyRing(CipherSuite.AES_256_GCM, key(1));
        assertThat(ring.sendingSlot()).isZero();
        assertThat(ring.installed(1)).isFalse();
        assertThatThrownBy(() -> ring.sendWith(1)).hasMessage("key slot 1 is empty: install a key before sending "
                + "with it");
        ring.install(1, key(2));
        ring.sendWith(1);
        assertThatThrownBy(() -> ring.remove(1)).hasMessage("key slot 1 is the one that sends: switch sending to "
                + "slot 0 (sendWith) before removing it");
        assertThatThrownBy(() -> ring.install(1, key(3))).hasMessageContaining("key slot 1 is the one that sends");
        long g = ring.generation(0);
        ring.remove(0);
        assertThat(ring.installed(0)).isFalse();
        assertThat(ring.generation(0)).isGreaterThan(g);
        assertThat(ring.derive(0, 1, 2, 3)).isNull();
        assertThatThrownBy(() -> ring.remove(2)).hasMessage("key slot 2: there are slots 0 and 1");
    }

    @Test
    void removingASlotWipesItsOwnCopiesAndNothingElse() {
        AuthKey shared = key(7);
        KeyRing ring = new KeyRing(CipherSuite.AES_256_GCM, shared);
        ring.install(1, shared); // the same key object in both slots
        SealingKey derived0 = ring.derive(0, 1, 2, 3);
        SealingKey derived1 = ring.derive(1, 1, 2, 3);
        ring.sendWith(1);
        ring.remove(0);
        assertThat(derived0.wiped()).isTrue();
        assertThat(derived1.wiped()).as("the key of the sending slot is still in use").isFalse();
        assertThat(shared.wiped()).as("the caller's key is the caller's").isFalse();
        assertThat(shared.secret()[0]).isEqualTo((byte) 7);
        byte[] buf = new byte[24 + 5 + 16];
        assertThat(derived1.seal(0, buf, 24, 5)).isEqualTo(45);
        assertThat(ring.derivedCount(1)).isEqualTo(1);
        ring.release(derived1);
        assertThat(ring.derivedCount(1)).isZero();
    }

    @Test
    void derivedKeysDifferByDirectionIncarnationAndSuite() {
        KeyRing gcm = new KeyRing(CipherSuite.AES_256_GCM, key(1));
        byte[] a = sealed(gcm.derive(0, 1, 2, 10));
        assertThat(sealed(gcm.derive(0, 1, 2, 10))).isEqualTo(a);
        assertThat(sealed(gcm.derive(0, 2, 1, 10))).isNotEqualTo(a);
        assertThat(sealed(gcm.derive(0, 1, 2, 11))).isNotEqualTo(a);
        assertThat(sealed(gcm.derive(0, 1, 3, 10))).isNotEqualTo(a);
        KeyRing hmac = new KeyRing(CipherSuite.HMAC_SHA256, key(1));
        assertThat(sealed(hmac.derive(0, 1, 2, 10))).isNotEqualTo(a);
    }

    @Test
    void noKeysWithoutCrypto() {
        KeyRing none = new KeyRing(CipherSuite.NONE, null);
        assertThat(none.installed(0)).isFalse();
        assertThatThrownBy(() -> none.install(1, key(1))).hasMessageContaining("crypto is off");
        assertThatThrownBy(() -> new KeyRing(CipherSuite.AES_128_GCM, null)).hasMessageContaining("needs an authkey");
    }

    private static byte[] sealed(SealingKey k) {
        byte[] buf = new byte[24 + 8 + 16];
        k.seal(0, buf, 24, 8);
        return buf;
    }
}
