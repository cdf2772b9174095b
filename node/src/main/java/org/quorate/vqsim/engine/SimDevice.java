package org.quorate.vqsim.engine;

import java.util.concurrent.TimeUnit;
import org.quorate.cluster.RingId;
import org.quorate.time.Scheduler;
import org.quorate.votequorum.CsError;
import org.quorate.votequorum.service.VotequorumService;

/**
 * The quorum device of one simulated node, as vqsim's engine drives it: registers as {@value #NAME}, then polls
 * every {@code quorum.device.timeout / 2} with the vote cast or withheld. Unlike vqsim, whose polls quote the
 * ring of the last quorum callback (and so fail until a held sync times out), it quotes the ring of the latest
 * node-list notification and polls at once on each, as corosync-qdevice does: the sync a device holds is
 * released promptly.
 */
final class SimDevice {
    static final String NAME = "VQsim_qdevice";

    private final VotequorumService service;
    private final Scheduler scheduler;
    private boolean registered;
    private boolean registering;
    private boolean polling;
    private boolean castVote;
    private RingId ring;
    private Scheduler.Cancellable task;
    private CsError lastError = CsError.OK;

    SimDevice(VotequorumService service, Scheduler scheduler) {
        this.service = service;
        this.scheduler = scheduler;
        this.ring = service.core().currentNodeList().ringId();
    }

    /** Polls from now on with {@code cast}; registers first if needed. */
    void poll(boolean cast) {
        castVote = cast;
        polling = true;
        if (registered) {
            pollNow();
            return;
        }
        if (registering) {
            return;
        }
        registering = true;
        service.qdeviceRegister(NAME, error -> {
            registering = false;
            lastError = error;
            if (error.ok()) {
                registered = true;
                ring = service.core().currentNodeList().ringId();
                if (polling) {
                    pollNow();
                }
            }
        });
    }

    /** vqsim's {@code qdevice off}: one poll with the vote withheld, then silence (the device times out). */
    void off() {
        polling = false;
        cancelTask();
        if (registered) {
            castVote = false;
            sendPoll();
        }
    }

    /** The node-list notification of a new ring: the ring to quote, and a prompt poll. */
    void nodeList(RingId newRing) {
        ring = newRing;
        if (registered && polling) {
            scheduler.execute(() -> {
                if (polling) {
                    pollNow();
                }
            });
        }
    }

    void stop() {
        polling = false;
        cancelTask();
    }

    boolean registered() {
        return registered;
    }

    boolean polling() {
        return polling;
    }

    CsError lastError() {
        return lastError;
    }

    private void pollNow() {
        cancelTask();
        sendPoll();
        long period = Math.max(1, service.core().qdeviceTimeoutMs() / 2);
        task = scheduler.schedule(() -> {
            task = null;
            if (polling) {
                pollNow();
            }
        }, period, TimeUnit.MILLISECONDS);
    }

    private void sendPoll() {
        // a refused poll (vqsim prints "qdevice poll failed") is kept for lastError(), not logged
        lastError = service.qdevicePoll(NAME, castVote, ring);
    }

    private void cancelTask() {
        if (task != null) {
            task.cancel();
            task = null;
        }
    }
}
