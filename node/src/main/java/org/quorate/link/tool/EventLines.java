package org.quorate.link.tool;

import org.quorate.link.LinkEvent;

/** Link events in corosync's words ({@code host: 2 link: 0 is down}), with Quorate's reason after them. */
final class EventLines {
    private EventLines() {
    }

    static String line(LinkEvent e) {
        String head = "host: " + e.hostId() + " link: " + e.linkId();
        String what = switch (e.kind()) {
            case UP -> head + " is up";
            case DOWN -> head + " is down";
            case FAILOVER -> head + " carries the traffic now (failover)";
            case MTU_CHANGED -> head + " mtu changed";
        };
        return e.detail() == null || e.detail().isEmpty() ? what : what + " (" + e.detail() + ")";
    }
}
