package org.quorate.link.data;

/** Splits a message into at most 255 fragments of at most a given chunk size. */
public final class Fragmenter {
    public static final int MAX_FRAGMENTS = 255;

    private Fragmenter() {
    }

    /** How many fragments {@code length} bytes need with {@code maxChunk} bytes each (at least 1). */
    public static int count(int length, int maxChunk) {
        throw new UnsupportedOperationException("issue #11: fragmenter not written yet");
    }

    /** The offset of fragment {@code index} (0-based). */
    public static int offset(int index, int maxChunk) {
        throw new UnsupportedOperationException();
    }

    /** The length of fragment {@code index}. */
    public static int length(int messageLength, int index, int maxChunk) {
        throw new UnsupportedOperationException();
    }
}
