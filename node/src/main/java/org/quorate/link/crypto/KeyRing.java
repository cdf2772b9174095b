package org.quorate.link.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Two key slots for rotation without loss: install the new key in the free slot (accepted on receive at once),
 * switch sending to it on every node, then remove the old one. The sending slot travels in every datagram's
 * header, so a receiver opens each packet with the key it was sealed with; a packet naming an empty slot fails
 * authentication.
 *
 * <p>Derived keys: HKDF-SHA-256 (RFC 5869) from the authkey, one key per direction and per sender incarnation,
 * {@code info = "quorate link v1" | suite id u8 | source host u16 | destination host u16 | incarnation u64}.
 * Per-direction keys mean two hosts never need to agree who uses which nonces: each sender counts its own
 * packets. The incarnation in the key makes a restart safe: the restarted sender counts from 0 again, but under
 * a new key, so no (key, nonce) pair ever repeats.
 *
 * <p>Wiping: the ring holds its own copy of every installed key and of every key derived from it, and wipes
 * them when the slot is removed or replaced. The sending slot can be neither, so a key in use is never wiped.
 * Single-threaded: the engine's thread.
 */
public final class KeyRing {
    public static final int SLOTS = 2;
    static final byte[] INFO_LABEL = "quorate link v1".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SALT = "quorate link v1 authkey salt".getBytes(StandardCharsets.US_ASCII);

    private final CipherSuite suite;
    private final Slot[] slots = new Slot[SLOTS];
    private final long[] generations = new long[SLOTS];
    private int sending;

    private static final class Slot {
        final AuthKey key;
        final byte[] prk;
        final Set<SealingKey> derived = Collections.newSetFromMap(new IdentityHashMap<>());

        Slot(AuthKey key) {
            this.key = key;
            this.prk = Hkdf.extract(SALT, key.secret());
        }

        void wipe() {
            for (SealingKey k : derived) {
                k.wipe();
            }
            derived.clear();
            Arrays.fill(prk, (byte) 0);
            key.wipe();
        }
    }

    /** A ring for {@code suite} with {@code initial} in slot 0, sending with it; no key when suite is NONE. */
    public KeyRing(CipherSuite suite, AuthKey initial) {
        this.suite = suite;
        if (suite.enabled()) {
            if (initial == null) {
                throw new IllegalArgumentException("cipher suite " + suite + " needs an authkey");
            }
            slots[0] = new Slot(initial.copy());
        }
    }

    public CipherSuite suite() {
        return suite;
    }

    /**
     * Puts {@code key} into {@code slot}; it is accepted on receive at once. Replacing the key of a slot that
     * does not send wipes the old one; the sending slot cannot be replaced.
     */
    public void install(int slot, AuthKey key) {
        checkSlot(slot);
        if (!suite.enabled()) {
            throw new IllegalStateException("crypto is off (cipher suite NONE): there are no key slots");
        }
        if (slots[slot] != null && slot == sending) {
            throw new IllegalStateException("key slot " + slot + " is the one that sends: install the new key in "
                    + "slot " + (1 - slot) + ", switch sending to it (sendWith), then remove this one");
        }
        Slot fresh = new Slot(key.copy());
        if (slots[slot] != null) {
            slots[slot].wipe();
        }
        slots[slot] = fresh;
        generations[slot]++;
    }

    /** Seals every datagram from now on with the key in {@code slot}. */
    public void sendWith(int slot) {
        checkSlot(slot);
        if (slots[slot] == null) {
            throw new IllegalStateException("key slot " + slot + " is empty: install a key before sending with it");
        }
        sending = slot;
    }

    /** Removes and wipes the key in {@code slot}; refused for the slot that sends. Removing an empty slot is a no-op. */
    public void remove(int slot) {
        checkSlot(slot);
        if (slots[slot] == null) {
            return;
        }
        if (slot == sending) {
            throw new IllegalStateException("key slot " + slot + " is the one that sends: switch sending to slot "
                    + (1 - slot) + " (sendWith) before removing it");
        }
        slots[slot].wipe();
        slots[slot] = null;
        generations[slot]++;
    }

    public int sendingSlot() {
        return sending;
    }

    public boolean installed(int slot) {
        checkSlot(slot);
        return slots[slot] != null;
    }

    /** Changes whenever the slot's key is installed, replaced or removed: cached derived keys are stale then. */
    public long generation(int slot) {
        checkSlot(slot);
        return generations[slot];
    }

    /**
     * The key for datagrams from {@code source} to {@code destination} sealed by the sender's incarnation
     * {@code incarnation} with the key in {@code slot}; null when the slot is empty. Callers cache it by
     * {@link #generation(int)} and {@link #release} it when they drop it.
     */
    public SealingKey derive(int slot, int source, int destination, long incarnation) {
        checkSlot(slot);
        Slot s = slots[slot];
        if (s == null) {
            return null;
        }
        byte[] info = new byte[INFO_LABEL.length + 1 + 2 + 2 + 8];
        int p = INFO_LABEL.length;
        System.arraycopy(INFO_LABEL, 0, info, 0, p);
        info[p++] = (byte) suite.id();
        info[p++] = (byte) (source >>> 8);
        info[p++] = (byte) source;
        info[p++] = (byte) (destination >>> 8);
        info[p++] = (byte) destination;
        for (int i = 7; i >= 0; i--) {
            info[p++] = (byte) (incarnation >>> (8 * i));
        }
        SealingKey key = new SealingKey(suite, Hkdf.expand(s.prk, info, suite.keyBytes()));
        s.derived.add(key);
        return key;
    }

    /** Wipes a derived key its holder no longer uses (a replaced incarnation, a stale generation). */
    public void release(SealingKey key) {
        if (key == null) {
            return;
        }
        for (Slot s : slots) {
            if (s != null && s.derived.remove(key)) {
                key.wipe();
                return;
            }
        }
        key.wipe();
    }

    /** Derived keys alive in {@code slot}: bounded by hosts x incarnations kept, for tests and status. */
    public int derivedCount(int slot) {
        checkSlot(slot);
        return slots[slot] == null ? 0 : slots[slot].derived.size();
    }

    private static void checkSlot(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("key slot " + slot + ": there are slots 0 and 1");
        }
    }

    @Override
    public String toString() {
        return "KeyRing[" + suite + ", slot 0 " + (slots[0] != null ? "installed" : "empty") + ", slot 1 "
                + (slots[1] != null ? "installed" : "empty") + ", sending " + sending + "]";
    }
}
