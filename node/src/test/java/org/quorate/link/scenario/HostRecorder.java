package org.quorate.link.scenario;

import org.quorate.link.LinkEvent;
import org.quorate.link.LinkListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Everything one host's link layer told its listener, with the testbed's time. Thread-safe lists, so a
 * real-socket testbed can read them from the test thread while the event loop writes.
 */
final class HostRecorder implements LinkListener {
    record Message(long nanos, int from, byte[] bytes) {
    }

    record Reachability(long nanos, int host, boolean reachable) {
    }

    final int hostId;
    private final LongSupplier clock;
    final List<Message> messages = new CopyOnWriteArrayList<>();
    final List<Reachability> reachability = new CopyOnWriteArrayList<>();
    final List<LinkEvent> events = new CopyOnWriteArrayList<>();

    HostRecorder(int hostId, LongSupplier clock) {
        this.hostId = hostId;
        this.clock = clock;
    }

    @Override
    public void onMessage(int fromHost, byte[] message) {
        messages.add(new Message(clock.getAsLong(), fromHost, message));
    }

    @Override
    public void onReachability(int hostId, boolean reachable) {
        reachability.add(new Reachability(clock.getAsLong(), hostId, reachable));
    }

    @Override
    public void onLinkEvent(LinkEvent event) {
        events.add(event);
    }

    List<LinkEvent> events(int host, int link, LinkEvent.Kind kind) {
        return events.stream().filter(e -> e.hostId() == host && e.linkId() == link && e.kind() == kind).toList();
    }

    List<LinkEvent> events(LinkEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Whether the last reachability report about {@code host} said reachable. */
    boolean sees(int host) {
        for (int i = reachability.size() - 1; i >= 0; i--) {
            if (reachability.get(i).host() == host) {
                return reachability.get(i).reachable();
            }
        }
        return false;
    }

    long unreachableEvents(int host) {
        return reachability.stream().filter(r -> r.host() == host && !r.reachable()).count();
    }

    long messagesFrom(int host) {
        return messages.stream().filter(m -> m.from() == host).count();
    }
}
