package org.quorate.link.data;

/**
 * Splits a message into at most 255 fragments of at most a given chunk size. Every fragment but the last is
 * exactly {@code maxChunk} bytes long, so a receiver can check each fragment's length against the others.
 *
 * <p>The largest message, {@link #MAX_MESSAGE} bytes, must fit in 255 fragments at the smallest data MTU the
 * engine can pick: {@link #MIN_CHUNK} bytes per chunk. With IPv4's floor of 576 bytes (548 bytes of UDP payload)
 * that leaves 290 bytes for the codec's overhead, several times what a header and an AEAD tag need.
 */
public final class Fragmenter {
    public static final int MAX_FRAGMENTS = 255;
    /** The largest message the link layer accepts from the membership layer (knet: KNET_MAX_PACKET_SIZE). */
    public static final int MAX_MESSAGE = 65536;
    /** The smallest chunk with which {@link #MAX_MESSAGE} still fits in {@link #MAX_FRAGMENTS} fragments. */
    public static final int MIN_CHUNK = (MAX_MESSAGE + MAX_FRAGMENTS - 1) / MAX_FRAGMENTS;

    private Fragmenter() {
    }

    /**
     * How many fragments {@code length} bytes need with {@code maxChunk} bytes each (at least 1: an empty message
     * is one empty fragment).
     *
     * @throws IllegalArgumentException if the message needs more than {@link #MAX_FRAGMENTS} fragments
     */
    public static int count(int length, int maxChunk) {
        checkChunk(maxChunk);
        if (length < 0) {
            throw new IllegalArgumentException("message length " + length + " is negative");
        }
        int count = length == 0 ? 1 : (int) ((length + (long) maxChunk - 1) / maxChunk);
        if (count > MAX_FRAGMENTS) {
            throw new IllegalArgumentException("a message of " + length + " bytes needs " + count
                    + " fragments of " + maxChunk + " bytes, more than " + MAX_FRAGMENTS);
        }
        return count;
    }

    /** The offset of fragment {@code index} (0-based). */
    public static int offset(int index, int maxChunk) {
        checkChunk(maxChunk);
        if (index < 0 || index >= MAX_FRAGMENTS) {
            throw new IllegalArgumentException("fragment index " + index + " outside 0.." + (MAX_FRAGMENTS - 1));
        }
        return index * maxChunk;
    }

    /** The length of fragment {@code index}. */
    public static int length(int messageLength, int index, int maxChunk) {
        int count = count(messageLength, maxChunk);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("fragment index " + index + " outside 0.." + (count - 1)
                    + " for " + messageLength + " bytes in chunks of " + maxChunk);
        }
        return index < count - 1 ? maxChunk : messageLength - index * maxChunk;
    }

    /** Whether a {@link #MAX_MESSAGE}-byte message fits at {@code maxChunk} bytes per fragment. */
    public static boolean fitsLargestMessage(int maxChunk) {
        return maxChunk >= MIN_CHUNK;
    }

    private static void checkChunk(int maxChunk) {
        if (maxChunk < 1) {
            throw new IllegalArgumentException("chunk size " + maxChunk + " must be at least 1 byte");
        }
    }
}
