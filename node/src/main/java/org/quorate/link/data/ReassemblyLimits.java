package org.quorate.link.data;

import java.time.Duration;

/**
 * Bounds of the reassembly of one source host's fragmented messages.
 *
 * @param maxMessages messages in progress at once; the oldest is dropped to make room
 * @param maxBytes    bytes buffered at once across them
 * @param timeout     a message not complete this long after its first fragment is dropped
 */
public record ReassemblyLimits(int maxMessages, int maxBytes, Duration timeout) {
    public static final ReassemblyLimits DEFAULTS = new ReassemblyLimits(16, 1 << 20, Duration.ofSeconds(2));
}
