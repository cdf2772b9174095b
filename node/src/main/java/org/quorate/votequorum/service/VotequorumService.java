package org.quorate.votequorum.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.quorate.cluster.RingId;
import org.quorate.cluster.group.GroupLayer;
import org.quorate.cluster.group.GroupService;
import org.quorate.cluster.group.GroupView;
import org.quorate.time.Scheduler;
import org.quorate.votequorum.CsError;
import org.quorate.votequorum.Effect;
import org.quorate.votequorum.TimerKind;
import org.quorate.votequorum.Votequorum;
import org.quorate.votequorum.VotequorumInfo;
import org.quorate.votequorum.message.QdeviceRegMessage;
import org.quorate.votequorum.message.VqDecodeException;
import org.quorate.votequorum.message.VqMessageCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * votequorum as a {@link GroupService}: runs the pure {@link Votequorum} core on a {@link GroupLayer}, with its
 * timers on a {@link Scheduler}, and carries out the core's effects after every call. Also the entry point
 * of the library calls (the device API, setexpected, setvotes) and of configuration reloads. Single-threaded:
 * every method runs on the scheduler's thread, as the layer's callbacks do.
 */
public final class VotequorumService implements GroupService {
    private static final Logger LOG = LoggerFactory.getLogger(VotequorumService.class);

    private final Votequorum core;
    private final GroupLayer layer;
    private final Scheduler scheduler;
    private final VotequorumListener listener;
    private final Map<TimerKind, Scheduler.Cancellable> timers = new EnumMap<>(TimerKind.class);
    private Consumer<CsError> pendingRegistration;
    private boolean closed;

    public VotequorumService(Votequorum core, GroupLayer layer, Scheduler scheduler, VotequorumListener listener) {
        this.core = Objects.requireNonNull(core, "core");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.listener = Objects.requireNonNull(listener, "listener");
        apply();
    }

    public Votequorum core() {
        return core;
    }

    @Override
    public void syncInit(GroupView view) {
        core.syncInit(view, nowMs());
        apply();
    }

    @Override
    public boolean syncProcess() {
        boolean done = core.syncProcess();
        apply();
        return done;
    }

    @Override
    public void syncActivate() {
        core.syncActivate();
        apply();
    }

    @Override
    public void syncAbort() {
        core.syncAbort();
        apply();
    }

    @Override
    public void deliver(long senderNodeId, byte[] payload) {
        try {
            core.deliver(senderNodeId, VqMessageCodec.decode(payload));
        } catch (VqDecodeException e) {
            LOG.warn("node {}: dropped a votequorum message from node {}: {}", core.localNodeId(), senderNodeId,
                    e.getMessage());
            return;
        }
        apply();
    }

    // ------------------------------------------------------------------ library calls

    /** {@code votequorum_qdevice_register}; {@code reply} gets the answer, now or once the registration is delivered. */
    public void qdeviceRegister(String name, Consumer<CsError> reply) {
        Optional<CsError> now = core.qdeviceRegister(name);
        if (now.isPresent()) {
            apply();
            reply.accept(now.get());
            return;
        }
        pendingRegistration = reply;
        apply();
    }

    public CsError qdeviceUnregister(String name) {
        return call(core.qdeviceUnregister(name));
    }

    public CsError qdevicePoll(String name, boolean castVote, RingId ringId) {
        return call(core.qdevicePoll(name, castVote, ringId, nowMs()));
    }

    public CsError qdeviceMasterWins(String name, boolean allow) {
        return call(core.qdeviceMasterWins(name, allow));
    }

    public CsError qdeviceUpdate(String oldName, String newName) {
        return call(core.qdeviceUpdate(oldName, newName));
    }

    public CsError setExpected(long expectedVotes) {
        return call(core.setExpected(expectedVotes));
    }

    public CsError setVotes(long nodeId, long votes) {
        return call(core.setVotes(nodeId, votes));
    }

    public Optional<VotequorumInfo> getInfo(long nodeId) {
        return core.getInfo(nodeId);
    }

    public void reload(Map<String, String> cmap) {
        core.reload(cmap);
        apply();
    }

    public void cancelWaitForAll() {
        core.cancelWaitForAll();
        apply();
    }

    /** A clean stop: announces the leave (with allow_downscale) and calls off the timers. */
    public void shutdown() {
        core.shutdown();
        apply();
        close();
    }

    /** Calls off the timers; the service does nothing more. */
    public void close() {
        closed = true;
        timers.values().forEach(Scheduler.Cancellable::cancel);
        timers.clear();
    }

    private CsError call(CsError result) {
        apply();
        return result;
    }

    // ------------------------------------------------------------------ effects

    private void apply() {
        for (Effect e : core.drainEffects()) {
            if (closed && !(e instanceof Effect.Multicast)) {
                continue;
            }
            if (e instanceof Effect.Multicast m) {
                if (!layer.multicast(VqMessageCodec.encode(m.message()))) {
                    LOG.debug("node {}: no ring to multicast {}", core.localNodeId(), m.message());
                    if (m.message() instanceof QdeviceRegMessage && pendingRegistration != null) {
                        core.registrationNotSent();
                        reply(CsError.ERR_TRY_AGAIN);
                    }
                }
            } else if (e instanceof Effect.ArmTimer t) {
                cancel(t.kind());
                timers.put(t.kind(), scheduler.schedule(() -> expire(t.kind()), t.delayMs(), TimeUnit.MILLISECONDS));
            } else if (e instanceof Effect.CancelTimer t) {
                cancel(t.kind());
            } else if (e instanceof Effect.QuorumChanged q) {
                listener.quorumChanged(q);
            } else if (e instanceof Effect.QuorumNotification q) {
                listener.quorumNotification(q);
            } else if (e instanceof Effect.NodeListNotification n) {
                listener.nodeListNotification(n);
            } else if (e instanceof Effect.ExpectedVotesNotification n) {
                listener.expectedVotesNotification(n);
            } else if (e instanceof Effect.PersistEvTracking p) {
                listener.persistEvTracking(p.barrier());
            } else if (e instanceof Effect.RegisterReply r) {
                reply(r.error());
            } else if (e instanceof Effect.Log l) {
                log(l);
            }
        }
    }

    private void reply(CsError error) {
        Consumer<CsError> r = pendingRegistration;
        pendingRegistration = null;
        if (r != null) {
            r.accept(error);
        }
    }

    private void expire(TimerKind kind) {
        timers.remove(kind);
        if (!closed) {
            core.timerExpired(kind, nowMs());
            apply();
        }
    }

    private void cancel(TimerKind kind) {
        Scheduler.Cancellable c = timers.remove(kind);
        if (c != null) {
            c.cancel();
        }
    }

    private void log(Effect.Log l) {
        long id = core.localNodeId();
        switch (l.level()) {
            case CRIT, ERROR -> LOG.error("node {}: {}", id, l.text());
            case WARNING -> LOG.warn("node {}: {}", id, l.text());
            default -> LOG.debug("node {}: {}", id, l.text()); // notices repeat on every recalculation
        }
    }

    private long nowMs() {
        return TimeUnit.NANOSECONDS.toMillis(scheduler.nanoTime());
    }
}
