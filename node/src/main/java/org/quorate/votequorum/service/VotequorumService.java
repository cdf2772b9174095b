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

/**
 * votequorum as a {@link GroupService}: runs the pure {@link Votequorum} core on a {@link GroupLayer}, with its
 * timers on a {@link Scheduler}, and carries out the core's effects after every call. Also the entry point
 * of the library calls (the device API, setexpected, setvotes) and of configuration reloads. Single-threaded:
 * every method runs on the scheduler's thread, as the layer's callbacks do.
 */
public final class VotequorumService implements GroupService {
    private final Votequorum core;
    private final GroupLayer layer;
    private final Scheduler scheduler;
    private final VotequorumListener listener;
    private final Map<TimerKind, Scheduler.Cancellable> timers = new EnumMap<>(TimerKind.class);
    private Consumer<CsError> pendingRegistration;
    private boolean unsent;
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
            listener.log(core.localNodeId(), new Effect.Log(Effect.Level.WARNING,
                    "dropped a votequorum message from node " + senderNodeId + ": " + e.getMessage()));
            return;
        }
        apply();
    }

    // ------------------------------------------------------------------ library calls

    /** {@code votequorum_qdevice_register}; {@code reply} gets the answer now, or once the registration is back. */
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

    /** {@code votequorum_setexpected}; CS_ERR_NO_RESOURCES when the RECONFIGURE could not be multicast. */
    public CsError setExpected(long expectedVotes) {
        return sending(core.setExpected(expectedVotes));
    }

    /** {@code votequorum_setvotes}; CS_ERR_NO_RESOURCES when the RECONFIGURE could not be multicast. */
    public CsError setVotes(long nodeId, long votes) {
        return sending(core.setVotes(nodeId, votes));
    }

    /**
     * {@code votequorum_trackstart} with CS_TRACK_CURRENT: the listener gets the node list of the last sync and the
     * quorum notification now (later changes reach it anyway).
     */
    public void trackCurrent() {
        listener.nodeListNotification(core.currentNodeList());
        listener.quorumNotification(core.quorumNotification());
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

    private CsError sending(CsError result) {
        unsent = false;
        apply();
        return result.ok() && unsent ? CsError.ERR_NO_RESOURCES : result;
    }

    // ------------------------------------------------------------------ effects

    private void apply() {
        for (Effect e : core.drainEffects()) {
            if (closed && !(e instanceof Effect.Multicast)) {
                continue;
            }
            if (e instanceof Effect.Multicast m) {
                if (!layer.multicast(VqMessageCodec.encode(m.message()))) {
                    unsent = true;
                    listener.log(core.localNodeId(), new Effect.Log(Effect.Level.DEBUG,
                            "no ring to multicast " + m.message()));
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
            } else if (e instanceof Effect.CreateEvTrackingFile p) {
                listener.createEvTrackingFile(p.barrier());
            } else if (e instanceof Effect.RegisterReply r) {
                reply(r.error());
            } else if (e instanceof Effect.Log l) {
                listener.log(core.localNodeId(), l);
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

    private long nowMs() {
        return TimeUnit.NANOSECONDS.toMillis(scheduler.nanoTime());
    }
}
