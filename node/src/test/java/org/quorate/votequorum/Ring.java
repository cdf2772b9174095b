package org.quorate.votequorum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quorate.cluster.RingId;
import org.quorate.cluster.group.GroupView;
import org.quorate.votequorum.message.VqMessageCodec;

/**
 * A test harness for the pure core: a few {@link Votequorum} instances in one ring, their multicasts encoded,
 * decoded and delivered to all of them in one order, and every other effect kept for assertions.
 */
final class Ring {
    final Map<Long, Votequorum> nodes = new TreeMap<>();
    final List<Effect> effects = new ArrayList<>();
    private final ArrayDeque<long[]> order = new ArrayDeque<>();
    private final ArrayDeque<byte[]> payloads = new ArrayDeque<>();
    private long seq;

    Ring(Map<String, String> cmap, long... ids) {
        for (long id : ids) {
            nodes.put(id, Votequorum.start(cmap, id));
        }
        collect();
        order.clear();
        payloads.clear();
    }

    Votequorum node(long id) {
        return nodes.get(id);
    }

    /** A new ring of {@code members}: syncInit on each, syncProcess, delivery, activation. */
    void install(long... members) {
        seq += 4;
        List<Long> list = new ArrayList<>();
        for (long m : members) {
            list.add(m);
        }
        GroupView view = new GroupView(new RingId(members[0], seq), list, list);
        for (long m : members) {
            nodes.get(m).syncInit(view, 0);
        }
        boolean done = true;
        for (long m : members) {
            done &= nodes.get(m).syncProcess();
        }
        deliver(members);
        if (done) {
            for (long m : members) {
                nodes.get(m).syncActivate();
            }
            deliver(members);
        }
    }

    RingId ringId() {
        return nodes.values().iterator().next().ringId();
    }

    /** Delivers everything multicast so far to {@code members}, until nothing more is sent. */
    void deliver(long... members) {
        collect();
        while (!payloads.isEmpty()) {
            long sender = order.poll()[0];
            byte[] payload = payloads.poll();
            for (long m : members) {
                nodes.get(m).deliver(sender, VqMessageCodec.decode(payload));
            }
            collect();
        }
    }

    private void collect() {
        for (Votequorum vq : nodes.values()) {
            for (Effect e : vq.drainEffects()) {
                if (e instanceof Effect.Multicast m) {
                    order.add(new long[] {vq.localNodeId()});
                    payloads.add(VqMessageCodec.encode(m.message()));
                } else {
                    effects.add(e);
                }
            }
        }
    }

    VotequorumInfo info(long id) {
        return nodes.get(id).getInfo(0).orElseThrow();
    }
}
