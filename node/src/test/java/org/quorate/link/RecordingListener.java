package org.quorate.link;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps what it heard, for tests of any {@link LinkLayer}: messages as "from:text". */
public final class RecordingListener implements LinkListener {
    public final List<String> messages = new ArrayList<>();
    public final List<String> reachability = new ArrayList<>();
    public final List<LinkEvent> events = new ArrayList<>();

    @Override
    public void onMessage(int fromHost, byte[] message) {
        messages.add(fromHost + ":" + new String(message));
    }

    @Override
    public void onReachability(int hostId, boolean reachable) {
        reachability.add(hostId + (reachable ? " up" : " down"));
    }

    @Override
    public void onLinkEvent(LinkEvent event) {
        events.add(event);
    }
}
