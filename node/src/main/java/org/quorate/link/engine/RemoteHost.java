package org.quorate.link.engine;

import org.quorate.link.LinkPolicy;
import org.quorate.link.config.LinkSpec;
import org.quorate.link.data.DedupWindow;
import org.quorate.link.data.Reassembler;
import org.quorate.link.data.ReassemblyLimits;
import org.quorate.link.select.LinkCandidate;
import org.quorate.link.select.LinkSelector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One remote host: its links, the selector that spreads packets over them, the receive-side dedup window and
 * reassembly, the outgoing message sequence, and what the engine last reported about it (reachable, which links
 * carry its traffic), so that an event is raised only on a change.
 */
final class RemoteHost {
    /** knet's dedup window: a circular buffer of 4096 entries per source host (spec §5.5). */
    static final int DEDUP_WINDOW = DedupWindow.KNET_SIZE;

    final int hostId;
    final String name;
    private final LinkPath[] byLinkId = new LinkPath[LinkSpec.MAX_LINKS];
    private final List<LinkPath> paths = new ArrayList<>();
    final LinkSelector selector;
    /** Computes the set of links traffic uses, without touching {@link #selector}'s rotation (rr). */
    private final LinkSelector planner;
    final Reassembler reassembler;
    final DedupWindow dedup = new DedupWindow(DEDUP_WINDOW);
    private final int[] scratch = new int[LinkSpec.MAX_LINKS];
    private List<LinkCandidate> candidates = List.of();
    long nextMessageSeq;
    boolean reachable;
    /** Bit i set: link i carries this host's traffic (as last reported). */
    int trafficMask;
    /** Bytes handed to the transport for this host during the current scheduler turn. */
    long turnBytes;
    long refusedSends;

    RemoteHost(int hostId, String name, LinkPolicy policy, ReassemblyLimits limits) {
        this.hostId = hostId;
        this.name = name;
        this.selector = new LinkSelector(policy);
        this.planner = new LinkSelector(policy == LinkPolicy.PASSIVE ? LinkPolicy.PASSIVE : LinkPolicy.ACTIVE);
        this.reassembler = new Reassembler(limits);
    }

    void add(LinkPath path) {
        byLinkId[path.linkId()] = path;
        paths.add(path);
    }

    /** The path of {@code linkId}, or null when this host has no such link. */
    LinkPath path(int linkId) {
        return linkId >= 0 && linkId < byLinkId.length ? byLinkId[linkId] : null;
    }

    List<LinkPath> paths() {
        return Collections.unmodifiableList(paths);
    }

    /** Rebuilds the candidates from the heartbeats; called after anything that may have changed them. */
    void refreshCandidates() {
        List<LinkCandidate> c = new ArrayList<>(paths.size());
        for (LinkPath p : paths) {
            c.add(p.candidate());
        }
        candidates = c;
    }

    List<LinkCandidate> candidates() {
        return candidates;
    }

    /** The links traffic would use now, as a bit mask (0: unreachable). */
    int plannedMask() {
        int n = planner.choose(candidates, scratch);
        int mask = 0;
        for (int i = 0; i < n; i++) {
            mask |= 1 << scratch[i];
        }
        return mask;
    }

    /** Links for the next packet, into {@code out}; returns how many. */
    int choose(int[] out) {
        return selector.choose(candidates, out);
    }

    /** The sender restarted: what we remember of its messages belongs to the old process. */
    void forgetReceived() {
        dedup.clear();
        reassembler.clear();
    }

    static String links(int mask) {
        if (mask == 0) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < LinkSpec.MAX_LINKS; i++) {
            if ((mask & (1 << i)) != 0) {
                b.append(b.length() == 0 ? "" : ",").append(i);
            }
        }
        return b.toString();
    }
}
