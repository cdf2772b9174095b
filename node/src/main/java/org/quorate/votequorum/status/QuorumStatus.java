package org.quorate.votequorum.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quorate.cluster.RingId;
import org.quorate.votequorum.Votequorum;
import org.quorate.votequorum.VotequorumInfo;

/**
 * Everything corosync-quorumtool reads from a node before it prints: the quorum service's view, votequorum's
 * getinfo for the local node and for every member, the names.
 *
 * @param dateMillis the wall-clock time of the {@code Date:} line
 * @param quorumProvider {@code quorum.provider}, null when absent ("Not configured")
 * @param votequorum whether the provider is votequorum (then the votequorum blocks are printed)
 * @param quorate the quorum service's verdict
 * @param members the quorum service's member list, in delivery order
 * @param memberInfo getinfo of each member; a missing entry is a failed getinfo
 */
public record QuorumStatus(
        long dateMillis,
        String quorumProvider,
        boolean votequorum,
        long localNodeId,
        RingId ringId,
        boolean quorate,
        List<Long> members,
        VotequorumInfo localInfo,
        Map<Long, VotequorumInfo> memberInfo,
        NodeNames names) {

    public QuorumStatus {
        members = List.copyOf(members);
        memberInfo = Map.copyOf(memberInfo);
    }

    /** The same status with another ring id (the differential and golden tests line up rings this way). */
    public QuorumStatus withRingId(RingId ring) {
        return new QuorumStatus(dateMillis, quorumProvider, votequorum, localNodeId, ring, quorate, members, localInfo,
                memberInfo, names);
    }

    /** The status of a running votequorum, with the configuration it runs with for the provider and the names. */
    public static QuorumStatus of(Votequorum vq, long dateMillis) {
        Map<Long, VotequorumInfo> infos = new LinkedHashMap<>();
        for (long id : vq.members()) {
            vq.getInfo(id).ifPresent(i -> infos.put(id, i));
        }
        String provider = vq.cmap().get("quorum.provider");
        return new QuorumStatus(dateMillis, provider, "corosync_votequorum".equals(provider), vq.localNodeId(),
                vq.ringId(), vq.quorate(), vq.members(), vq.getInfo(0).orElseThrow(), infos,
                NodeNames.fromCmap(vq.cmap()));
    }
}
