package org.quorate.link.select;

import org.quorate.link.LinkPolicy;

import java.util.List;

/** Picks the links for each packet to one host (spec §5.4). One selector per host; single-threaded. */
public final class LinkSelector {
    public LinkSelector(LinkPolicy policy) {
        throw new UnsupportedOperationException("issue #11: selector not written yet");
    }

    /**
     * Writes the link ids for the next packet into {@code out} (length {@code >= candidates.size()}) and
     * returns how many; 0 means the host is unreachable.
     */
    public int choose(List<LinkCandidate> candidates, int[] out) {
        throw new UnsupportedOperationException();
    }
}
