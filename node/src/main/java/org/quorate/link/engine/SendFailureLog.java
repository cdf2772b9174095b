package org.quorate.link.engine;

import org.quorate.net.SendFailure;
import org.slf4j.Logger;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Logs send failures by kind, at most once per kind per link per {@link #INTERVAL_NANOS}, with how many were
 * suppressed since the last line. A dead NIC makes every send fail; one line a minute says so, a million do not
 * (corosync#569 burned a core on exactly that).
 */
final class SendFailureLog {
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Logger log;
    private final Map<Key, Window> windows = new HashMap<>();

    SendFailureLog(Logger log) {
        this.log = log;
    }

    /** Returns whether a line was written (for tests). */
    boolean failed(long nowNanos, int hostId, int linkId, InetSocketAddress destination, SendFailure kind,
                   String detail) {
        Window w = windows.computeIfAbsent(new Key(linkId, kind), k -> new Window());
        if (w.lastLogNanos != Long.MIN_VALUE && nowNanos - w.lastLogNanos < INTERVAL_NANOS) {
            w.suppressed++;
            return false;
        }
        String also = w.suppressed == 0 ? "" : " (" + w.suppressed + " more on this link since the last report)";
        log.warn("host: {} link: {} send to {} failed: {} ({}): {}{}", hostId, linkId, destination, kind.errno(),
                kind.meaning(), detail, also);
        w.lastLogNanos = nowNanos;
        w.suppressed = 0;
        return true;
    }

    private record Key(int linkId, SendFailure kind) {
    }

    private static final class Window {
        long lastLogNanos = Long.MIN_VALUE;
        long suppressed;
    }
}
