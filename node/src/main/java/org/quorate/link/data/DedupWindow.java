package org.quorate.link.data;

/** Remembers which message sequence numbers of one source were delivered, over a sliding window. */
public final class DedupWindow {
    public DedupWindow(int size) {
        throw new UnsupportedOperationException("issue #11: dedup window not written yet");
    }

    /** True the first time {@code seq} is offered; false for a duplicate or one older than the window. */
    public boolean firstTime(long seq) {
        throw new UnsupportedOperationException();
    }

    /** Whether {@code seq} was already marked (or is older than the window), without marking it. */
    public boolean seen(long seq) {
        throw new UnsupportedOperationException();
    }

    public void clear() {
        throw new UnsupportedOperationException();
    }
}
