package org.quorate.link.wire;

import static org.quorate.link.wire.WireFormat.*;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.link.crypto.KeyRing;
import org.quorate.link.crypto.ReplayWindow;
import org.quorate.link.crypto.SealingKey;
import org.quorate.time.Clock;

/**
 * Encodes and seals, opens and decodes, the link layer's datagrams for one local host (format: {@link WireFormat}).
 * Holds the per-sender replay windows and incarnations. Single-threaded; a bad datagram is only dropped and
 * counted, never logged and never thrown.
 *
 * <p>Decoding is fail-fast and cheapest-first, and nothing an unauthenticated datagram says changes any state:
 * lengths, version, type, flags, link id and hosts are checked from the clear header; the replay window and the
 * incarnation rule are consulted but not updated; then the tag is verified, the body parsed, and only an
 * accepted packet moves the window or replaces the sender's incarnation. Before authentication nothing is
 * allocated but what the JCE needs to check a tag; the body is decrypted into one reused 64 KiB buffer.
 *
 * <p>Incarnations: a sender's packets carry its incarnation (see {@link #newIncarnation}). A higher one that
 * authenticates replaces the one known ({@link Decoded.Accepted#newIncarnation()}); a lower one is
 * {@link DropReason#STALE_INCARNATION}, unless the known one has sent nothing authenticated for
 * {@link #STALE_AFTER_SILENCE_NANOS}: then the sender restarted with a clock that stepped back, and is accepted.
 * The last {@link #RETIRED_KEPT} incarnations replaced are remembered and stay stale, so that packets recorded
 * from them cannot be replayed once the window was reset for a lower successor. Older ones are not: a stream
 * recorded from an incarnation more than {@link #RETIRED_KEPT} restarts back can be replayed into a receiver
 * that heard nothing from the sender for 60 s. That is the price of believing a restart whose clock stepped
 * back, which cannot be told from a replay without a round trip.
 *
 * <p>The link id is inside the authenticated header and is returned as authenticated in
 * {@link Decoded.Accepted#linkId()}; the engine must check it against the socket the datagram arrived on
 * ({@link DropReason#LINK_MISMATCH}): knet's CVE-2026-15812 was a link id nobody checked.
 */
public final class PacketCodec {
    /** After this long without an authenticated packet from a sender, a lower incarnation of it is believed. */
    public static final long STALE_AFTER_SILENCE_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Replaced incarnations remembered per sender, refused for good. */
    public static final int RETIRED_KEPT = 4;

    private final int localHost;
    private final long incarnation;
    private final CryptoConfig crypto;
    private final Clock clock;
    private final KeyRing keys;
    private final int tag;
    private final DropCounters drops = new DropCounters();
    private final HostTable<ReceiveState> receivers = new HostTable<>();
    private final HostTable<SendState> senders = new HostTable<>();
    private final byte[] plain = new byte[MAX_DATAGRAM];
    private long[] knownHosts;
    private long decoderFaults;

    /** The key for a sender incarnation not yet accepted: one for the whole codec, as restarts are rare. */
    private SealingKey candidate;
    private int candidateSlot;
    private int candidateSource;
    private long candidateIncarnation;
    private long candidateGeneration;

    private static final class ReceiveState {
        long incarnation;
        /** The incarnations this one replaced, newest last: never accepted again, even after silence. */
        final long[] retired = new long[RETIRED_KEPT];
        int retiredCount;
        long lastAuthenticatedNanos;
        final ReplayWindow window = new ReplayWindow();
        final SealingKey[] keys = new SealingKey[KeyRing.SLOTS];
        final long[] generations = new long[KeyRing.SLOTS];

        boolean isRetired(long inc) {
            for (int i = 0; i < Math.min(retiredCount, RETIRED_KEPT); i++) {
                if (retired[i] == inc) {
                    return true;
                }
            }
            return false;
        }

        void retire(long inc) {
            retired[retiredCount++ % RETIRED_KEPT] = inc;
        }
    }

    private static final class SendState {
        long nextCounter;
        final SealingKey[] keys = new SealingKey[KeyRing.SLOTS];
        final long[] generations = new long[KeyRing.SLOTS];
    }

    /**
     * @param localHost   this host's id, 0..65535
     * @param incarnation this process's incarnation id: different, and larger, on every start of the node
     *                    ({@link #newIncarnation})
     * @param clock       for the incarnation rule's silence; read once per datagram that passes the header checks
     */
    public PacketCodec(int localHost, long incarnation, CryptoConfig crypto, Clock clock) {
        checkHost("local host", localHost);
        this.localHost = localHost;
        this.incarnation = incarnation;
        this.crypto = crypto;
        this.clock = clock;
        this.keys = new KeyRing(crypto.suite(), crypto.key());
        this.tag = crypto.suite().tagBytes();
    }

    /**
     * An incarnation id for a process starting now: wall-clock microseconds, so it is larger on every restart,
     * even one within the same second (a JVM takes far longer than a microsecond to start). The sub-millisecond
     * digits come from the monotonic clock, as {@link Clock} gives wall time in milliseconds.
     */
    public static long newIncarnation(Clock clock) {
        return clock.currentTimeMillis() * 1000 + Math.floorMod(clock.nanoTime() / 1000, 1000L);
    }

    /**
     * Accepts datagrams only from these hosts (the nodelist); others are {@link DropReason#UNKNOWN_HOST}.
     * Without a call every source host is accepted.
     */
    public PacketCodec knownHosts(Set<Integer> hosts) {
        long[] bits = new long[(MAX_HOST_ID + 1) / 64];
        for (int h : hosts) {
            checkHost("known host", h);
            bits[h >>> 6] |= 1L << (h & 63);
        }
        knownHosts = bits;
        return this;
    }

    public int localHost() {
        return localHost;
    }

    public long incarnation() {
        return incarnation;
    }

    public CryptoConfig crypto() {
        return crypto;
    }

    // ------------------------------------------------------------------------------------------------ encode

    /** Encodes {@code packet} for {@code destinationHost} on {@code linkId}; the result is one datagram. */
    public byte[] encode(int destinationHost, int linkId, LinkPacket packet) {
        checkHost("destination host", destinationHost);
        if (linkId < 0 || linkId > MAX_LINK_ID) {
            throw new IllegalArgumentException("link id " + linkId + ": links are 0.." + MAX_LINK_ID);
        }
        PacketType type = packet.type();
        int bodyLen = bodyLength(packet);
        int total = HEADER + bodyLen + tag;
        if (total > MAX_DATAGRAM) {
            throw new IllegalArgumentException(type + " of " + total + " bytes to host " + destinationHost
                    + ": a datagram has at most " + MAX_DATAGRAM);
        }
        SendState s = senders.get(destinationHost);
        if (s == null) {
            s = new SendState();
            senders.put(destinationHost, s);
        }
        long counter = s.nextCounter++;
        if (counter < 0) {
            throw new IllegalStateException("packet counter to host " + destinationHost + " exhausted");
        }
        byte[] buf = new byte[total];
        buf[OFF_VERSION] = (byte) VERSION;
        buf[OFF_TYPE] = (byte) type.code();
        int slot = keys.sendingSlot();
        buf[OFF_FLAGS] = (byte) (crypto.enabled() ? FLAG_SEALED | (slot == 1 ? FLAG_KEY_SLOT : 0) : 0);
        buf[OFF_LINK] = (byte) linkId;
        putU16(buf, OFF_SOURCE, localHost);
        putU16(buf, OFF_DESTINATION, destinationHost);
        putU64(buf, OFF_INCARNATION, incarnation);
        putU64(buf, OFF_COUNTER, counter);
        PacketBodies.write(packet, buf, HEADER);
        if (crypto.enabled()) {
            sendKey(s, slot, destinationHost).seal(counter, buf, HEADER, bodyLen);
        }
        return buf;
    }

    private int bodyLength(LinkPacket packet) {
        if (packet instanceof LinkPacket.PmtuProbe p) {
            int min = HEADER + PMTU_BODY + tag;
            if (p.size() < min || p.size() > MAX_DATAGRAM) {
                throw new IllegalArgumentException("PMTU probe of size " + p.size() + ": it must be " + min + ".."
                        + MAX_DATAGRAM + " bytes with this crypto");
            }
            return p.size() - HEADER - tag;
        }
        return PacketBodies.length(packet);
    }

    private SealingKey sendKey(SendState s, int slot, int destination) {
        if (s.keys[slot] == null || s.generations[slot] != keys.generation(slot)) {
            keys.release(s.keys[slot]);
            s.keys[slot] = keys.derive(slot, localHost, destination, incarnation);
            s.generations[slot] = keys.generation(slot);
        }
        return s.keys[slot];
    }

    // ------------------------------------------------------------------------------------------------ decode

    /** Decodes one received datagram; never throws for any input. */
    public Decoded decode(byte[] datagram, int length) {
        try {
            return decodeChecked(datagram, length);
        } catch (RuntimeException e) {
            // Unreachable by construction (every read is bounds-checked first); kept so that a bug drops one
            // datagram instead of killing the engine's loop. Counted apart, so the fuzz target can see it.
            decoderFaults++;
            return drop(DropReason.MALFORMED);
        }
    }

    private Decoded decodeChecked(byte[] d, int length) {
        if (d == null || length < 0) {
            return drop(DropReason.MALFORMED);
        }
        if (length > MAX_DATAGRAM) {
            return drop(DropReason.TOO_LONG);
        }
        if (length > d.length) {
            return drop(DropReason.MALFORMED);
        }
        if (length < HEADER) {
            return drop(DropReason.TOO_SHORT);
        }
        if (u8(d, OFF_VERSION) != VERSION) {
            return drop(DropReason.BAD_VERSION);
        }
        PacketType type = PacketType.ofCode(u8(d, OFF_TYPE));
        if (type == null) {
            return drop(DropReason.UNKNOWN_TYPE);
        }
        int flags = u8(d, OFF_FLAGS);
        if ((flags & ~FLAGS_KNOWN) != 0) {
            return drop(DropReason.MALFORMED);
        }
        boolean sealed = (flags & FLAG_SEALED) != 0;
        if (sealed != crypto.enabled()) {
            return drop(DropReason.CRYPTO_MISMATCH);
        }
        if (!sealed && (flags & FLAG_KEY_SLOT) != 0) {
            return drop(DropReason.MALFORMED);
        }
        int linkId = u8(d, OFF_LINK);
        if (linkId > MAX_LINK_ID) {
            return drop(DropReason.MALFORMED);
        }
        if (u16(d, OFF_DESTINATION) != localHost) {
            return drop(DropReason.NOT_FOR_US);
        }
        int source = u16(d, OFF_SOURCE);
        if (knownHosts != null && (knownHosts[source >>> 6] & (1L << (source & 63))) == 0) {
            return drop(DropReason.UNKNOWN_HOST);
        }
        int bodyLen = length - HEADER - tag;
        DropReason shape = checkBodyLength(type, bodyLen);
        if (shape != null) {
            return drop(shape);
        }
        long counter = u64(d, OFF_COUNTER);
        if (counter < 0) {
            return drop(DropReason.MALFORMED);
        }
        long senderIncarnation = u64(d, OFF_INCARNATION);
        ReceiveState r = receivers.get(source);
        long now = clock.nanoTime();
        boolean sameIncarnation = r != null && senderIncarnation == r.incarnation;
        if (sameIncarnation) {
            if (!r.window.fresh(counter)) {
                return drop(DropReason.REPLAY);
            }
        } else if (r != null && (r.isRetired(senderIncarnation)
                || Long.compareUnsigned(senderIncarnation, r.incarnation) < 0
                && now - r.lastAuthenticatedNanos < STALE_AFTER_SILENCE_NANOS)) {
            return drop(DropReason.STALE_INCARNATION);
        }

        byte[] body = d;
        int base = HEADER;
        if (sealed) {
            int slot = (flags & FLAG_KEY_SLOT) != 0 ? 1 : 0;
            SealingKey key = sameIncarnation ? currentKey(r, slot, source) : candidateKey(slot, source,
                    senderIncarnation);
            if (key == null || !key.open(counter, d, HEADER, bodyLen + tag, plain)) {
                return drop(DropReason.AUTHENTICATION_FAILED);
            }
            body = plain;
            base = 0;
        }
        DropReason bad = PacketBodies.check(type, body, base, bodyLen, length);
        if (bad != null) {
            return drop(bad);
        }
        LinkPacket packet = PacketBodies.read(type, body, base, bodyLen);

        boolean newIncarnation = false;
        if (r == null) {
            r = new ReceiveState();
            receivers.put(source, r);
            adopt(r, senderIncarnation);
        } else if (!sameIncarnation) {
            newIncarnation = true;
            r.retire(r.incarnation);
            adopt(r, senderIncarnation);
        }
        r.window.accept(counter);
        r.lastAuthenticatedNanos = now;
        return new Decoded.Accepted(source, linkId, senderIncarnation, newIncarnation, packet);
    }

    private static DropReason checkBodyLength(PacketType type, int bodyLen) {
        if (bodyLen < type.bodyHeader()) {
            return DropReason.TOO_SHORT;
        }
        return switch (type) {
            case PING, PONG, PMTU_REPLY -> bodyLen == type.bodyHeader() ? null : DropReason.MALFORMED;
            case DATA -> bodyLen > DATA_BODY_HEADER ? null : DropReason.BAD_FRAGMENT;
            case PMTU_PROBE -> null;
        };
    }

    /** The sender's incarnation changed: forget its window and keys, keep the candidate key as current. */
    private void adopt(ReceiveState r, long senderIncarnation) {
        r.incarnation = senderIncarnation;
        r.window.reset();
        for (int slot = 0; slot < KeyRing.SLOTS; slot++) {
            keys.release(r.keys[slot]);
            r.keys[slot] = null;
        }
        if (candidate != null && candidateIncarnation == senderIncarnation) {
            r.keys[candidateSlot] = candidate;
            r.generations[candidateSlot] = candidateGeneration;
            candidate = null;
        }
    }

    private SealingKey currentKey(ReceiveState r, int slot, int source) {
        if (!keys.installed(slot)) {
            return null;
        }
        if (r.keys[slot] == null || r.generations[slot] != keys.generation(slot)) {
            keys.release(r.keys[slot]);
            r.keys[slot] = keys.derive(slot, source, localHost, r.incarnation);
            r.generations[slot] = keys.generation(slot);
        }
        return r.keys[slot];
    }

    private SealingKey candidateKey(int slot, int source, long senderIncarnation) {
        if (!keys.installed(slot)) {
            return null;
        }
        if (candidate == null || candidateSlot != slot || candidateSource != source
                || candidateIncarnation != senderIncarnation || candidateGeneration != keys.generation(slot)) {
            keys.release(candidate);
            candidate = keys.derive(slot, source, localHost, senderIncarnation);
            candidateSlot = slot;
            candidateSource = source;
            candidateIncarnation = senderIncarnation;
            candidateGeneration = keys.generation(slot);
        }
        return candidate;
    }

    private Decoded drop(DropReason reason) {
        drops.count(reason);
        return Decoded.Dropped.of(reason);
    }

    /** Bytes every datagram of {@code type} adds around its payload (header, data header, tag). */
    public int overhead(PacketType type) {
        return HEADER + type.bodyHeader() + tag;
    }

    public KeyRing keys() {
        return keys;
    }

    public DropCounters drops() {
        return drops;
    }

    /** Datagrams that hit a bug in the decoder (an exception it caught): 0, or there is a bug to fix. */
    public long decoderFaults() {
        return decoderFaults;
    }

    private static void checkHost(String what, int host) {
        if (host < 0 || host > MAX_HOST_ID) {
            throw new IllegalArgumentException(what + " " + host + ": host ids are 0.." + MAX_HOST_ID);
        }
    }
}
