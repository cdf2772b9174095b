package org.quorate.link.crypto;

/**
 * Two key slots for rotation without loss: install the new key in the free slot (accepted on receive at once),
 * switch sending to it on every node, then remove the old one.
 */
public final class KeyRing {
    private KeyRing() {
        throw new UnsupportedOperationException("issue #11: key ring not written yet");
    }

    public void install(int slot, AuthKey key) {
        throw new UnsupportedOperationException();
    }

    public void sendWith(int slot) {
        throw new UnsupportedOperationException();
    }

    public void remove(int slot) {
        throw new UnsupportedOperationException();
    }
}
