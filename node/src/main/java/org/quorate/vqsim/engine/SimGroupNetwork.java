package org.quorate.vqsim.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.quorate.cluster.RingId;
import org.quorate.cluster.group.GroupLayer;
import org.quorate.cluster.group.GroupService;
import org.quorate.cluster.group.GroupView;
import org.quorate.time.Scheduler;

/**
 * An in-memory group layer: the {@code org.quorate.cluster.group} contract per partition, under a
 * {@link Scheduler} (virtual time in the simulator). Every set of nodes the host declares a partition becomes a
 * ring with a growing id; within a ring, messages are delivered to every member in one agreed order, the sender
 * included; around every new ring the synchroniser runs {@code syncInit} on all members, then
 * {@code syncProcess} until each is done (retried every {@link #SYNC_RETRY_MS} while a member holds it), each
 * member's barrier travelling in the same agreed order as its messages, and {@code syncActivate} once every
 * barrier arrived. Before a ring is replaced its pending messages are delivered to its members that still run,
 * as totem's recovery does, so a message multicast in a ring is delivered in that ring.
 *
 * <p>Seeded: with a non-zero jitter each delivery round waits a random 0..jitter ms, which reorders
 * partitions and timers against each other but never messages within a ring.
 */
public final class SimGroupNetwork {
    /** vqsim retries a held sync every 10 ms ({@code start_sync_timer}). */
    public static final long SYNC_RETRY_MS = 10;
    /** corosync raises the ring sequence by 4 per new ring (vqsim imitates it). */
    public static final long RING_SEQ_STEP = 4;

    private final Scheduler scheduler;
    private final Random random;
    private final int jitterMs;
    private final Map<Long, Endpoint> endpoints = new HashMap<>();
    private final Map<Long, Long> lastRingSeq = new HashMap<>();
    private final Set<Ring> rings = new HashSet<>();

    public SimGroupNetwork(Scheduler scheduler, long seed, int jitterMs) {
        this.scheduler = scheduler;
        this.random = new Random(seed);
        this.jitterMs = jitterMs;
    }

    /** The group layer of a node that starts; it has no ring until {@link #setPartitions} places it. */
    public GroupLayer attach(long nodeId) {
        if (endpoints.containsKey(nodeId)) {
            throw new IllegalStateException("node " + nodeId + " is already attached");
        }
        Endpoint e = new Endpoint(nodeId);
        endpoints.put(nodeId, e);
        return e;
    }

    /** Binds the service that the layer of {@code nodeId} calls back. */
    public void bind(long nodeId, GroupService service) {
        endpoints.get(nodeId).service = service;
    }

    /** The node stops (is killed): it gets nothing more. Its ring changes at the next {@link #setPartitions}. */
    public void detach(long nodeId) {
        // what it multicast is still queued and reaches the others when its ring is replaced
        endpoints.remove(nodeId);
    }

    /**
     * Declares the partitions of the attached nodes. A partition whose nodes already share a ring of exactly
     * those nodes keeps it; every other one gets a new ring.
     */
    public void setPartitions(Collection<? extends Collection<Long>> partitions) {
        List<TreeSet<Long>> changed = new ArrayList<>();
        for (Collection<Long> p : partitions) {
            TreeSet<Long> members = new TreeSet<>(p);
            if (members.isEmpty()) {
                continue;
            }
            for (long id : members) {
                if (!endpoints.containsKey(id)) {
                    throw new IllegalArgumentException("node " + id + " is not attached");
                }
            }
            Ring current = endpoints.get(members.first()).ring;
            boolean same = current != null && current.members.equals(new ArrayList<>(members));
            for (long id : members) {
                same &= endpoints.get(id).ring == current;
            }
            if (!same) {
                changed.add(members);
            }
        }
        for (TreeSet<Long> members : changed) {
            for (long id : members) {
                Ring old = endpoints.get(id).ring;
                if (old != null) {
                    old.flush(this);
                }
            }
        }
        for (TreeSet<Long> members : changed) {
            install(new ArrayList<>(members));
        }
    }

    /** True when every attached node is in a ring that is activated and has nothing left to deliver. */
    public boolean quiet() {
        for (Endpoint e : endpoints.values()) {
            if (e.ring == null || !e.ring.active || !e.ring.queue.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The ring {@code nodeId} is in, or null. */
    public RingId ringOf(long nodeId) {
        Endpoint e = endpoints.get(nodeId);
        return e == null || e.ring == null ? null : e.ring.id;
    }

    private void install(List<Long> members) {
        long seq = 0;
        for (long id : members) {
            seq = Math.max(seq, lastRingSeq.getOrDefault(id, 0L));
        }
        seq += RING_SEQ_STEP;
        Ring ring = new Ring(new RingId(members.get(0), seq), members);
        rings.add(ring);
        List<Endpoint> eps = new ArrayList<>();
        for (long id : members) {
            lastRingSeq.put(id, seq);
            Endpoint e = endpoints.get(id);
            eps.add(e);
            if (e.ring != null) {
                Ring old = e.ring;
                if (!old.active) {
                    e.service.syncAbort();
                }
                old.retire(this);
            }
        }
        for (Endpoint e : eps) {
            List<Long> transitional = new ArrayList<>();
            for (long id : members) {
                if (e.ring != null && e.ring.members.contains(id)) {
                    transitional.add(id);
                }
            }
            if (!transitional.contains(e.nodeId)) {
                transitional.add(e.nodeId);
                transitional.sort(null);
            }
            e.pendingView = new GroupView(ring.id, members, transitional);
        }
        for (Endpoint e : eps) {
            e.ring = ring;
        }
        for (Endpoint e : eps) {
            GroupView view = e.pendingView;
            e.pendingView = null;
            e.service.syncInit(view);
        }
        scheduler.execute(() -> syncStep(ring));
    }

    private void syncStep(Ring ring) {
        if (ring.retired || ring.active) {
            return;
        }
        boolean waiting = false;
        for (long id : ring.members) {
            if (ring.processed.contains(id)) {
                continue;
            }
            Endpoint e = endpoints.get(id);
            if (e == null || e.ring != ring) {
                continue; // killed: the ring is replaced at the next setPartitions
            }
            if (e.service.syncProcess()) {
                ring.processed.add(id);
                ring.queue.add(new Item(id, null));
            } else {
                waiting = true;
            }
        }
        scheduleDrain(ring);
        if (waiting) {
            scheduler.schedule(() -> syncStep(ring), SYNC_RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void scheduleDrain(Ring ring) {
        if (ring.drainScheduled) {
            return;
        }
        ring.drainScheduled = true;
        int delay = jitterMs > 0 ? random.nextInt(jitterMs + 1) : 0;
        scheduler.schedule(() -> {
            ring.drainScheduled = false;
            ring.drain(this, false);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** One message (payload) or one member's sync barrier (payload null), in the ring's agreed order. */
    private record Item(long sender, byte[] payload) {
    }

    private static final class Ring {
        final RingId id;
        final List<Long> members;
        final ArrayDeque<Item> queue = new ArrayDeque<>();
        final Set<Long> processed = new HashSet<>();
        int barriers;
        boolean active;
        boolean retired;
        boolean drainScheduled;

        Ring(RingId id, List<Long> members) {
            this.id = id;
            this.members = List.copyOf(members);
        }

        /** Delivers what is queued to the members still running; barriers count only while the ring is current. */
        void drain(SimGroupNetwork net, boolean flushing) {
            while (!queue.isEmpty() && !retired) {
                Item item = queue.poll();
                if (item.payload == null) {
                    if (flushing) {
                        continue;
                    }
                    barriers++;
                    if (barriers == members.size()) {
                        active = true;
                        for (long id : members) {
                            Endpoint e = net.endpoints.get(id);
                            if (e != null && e.ring == this) {
                                e.service.syncActivate();
                            }
                        }
                    }
                    continue;
                }
                for (long id : members) {
                    Endpoint e = net.endpoints.get(id);
                    if (e != null && e.ring == this) {
                        e.service.deliver(item.sender, item.payload);
                    }
                }
            }
        }

        void flush(SimGroupNetwork net) {
            drain(net, true);
        }

        void retire(SimGroupNetwork net) {
            flush(net);
            retired = true;
            queue.clear();
            net.rings.remove(this);
        }
    }

    private final class Endpoint implements GroupLayer {
        final long nodeId;
        GroupService service;
        Ring ring;
        GroupView pendingView;

        Endpoint(long nodeId) {
            this.nodeId = nodeId;
        }

        @Override
        public long localNodeId() {
            return nodeId;
        }

        @Override
        public boolean multicast(byte[] payload) {
            if (ring == null || ring.retired || !endpoints.containsKey(nodeId)) {
                return false;
            }
            ring.queue.add(new Item(nodeId, payload.clone()));
            scheduleDrain(ring);
            return true;
        }
    }
}
