package org.quorate.votequorum.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.quorate.votequorum.InfoFlag;
import org.quorate.votequorum.VotequorumInfo;

/**
 * The JSON form beside the status text: the same facts as {@code corosync-quorumtool -s}, by name, with numbers
 * as numbers and flags as lists of their names. Field names are documented in {@code docs/votequorum.md}.
 */
public final class StatusJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {
    }

    public static ObjectNode tree(QuorumStatus s, QuorumToolOptions o) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("date", Instant.ofEpochMilli(s.dateMillis()).toString());
        root.put("quorum_provider", s.quorumProvider());
        root.put("nodes", s.members().size());
        root.put("node_id", s.localNodeId());
        root.put("ring_id", s.ringId().toHex());
        root.put("quorate", s.quorate());
        if (!s.votequorum()) {
            return root;
        }
        VotequorumInfo info = s.localInfo();
        ObjectNode vq = root.putObject("votequorum");
        vq.put("expected_votes", info.expectedVotes());
        vq.put("highest_expected", info.highestExpected());
        vq.put("total_votes", info.totalVotes());
        vq.put("quorum", info.quorum());
        ArrayNode flags = vq.putArray("flags");
        for (InfoFlag f : InfoFlag.decode(info.flags())) {
            if (f.printedName() != null) {
                flags.add(f.printedName());
            }
        }
        ArrayNode members = root.putArray("membership");
        boolean device = false;
        for (long id : s.members()) {
            VotequorumInfo m = s.memberInfo().get(id);
            ObjectNode row = members.addObject();
            row.put("node_id", id);
            row.put("votes", m == null ? 0 : m.votes());
            if (m != null && m.has(InfoFlag.QDEVICE_REGISTERED)) {
                device = true;
                ObjectNode qd = row.putObject("qdevice");
                qd.put("alive", m.has(InfoFlag.QDEVICE_ALIVE));
                qd.put("cast_vote", m.has(InfoFlag.QDEVICE_CAST_VOTE));
                qd.put("master_wins", m.has(InfoFlag.QDEVICE_MASTER_WINS));
            }
            row.put("name", s.names().of(id, o.numeric(), o.allAddresses()));
            row.put("local", id == s.localNodeId());
        }
        if (device) {
            ObjectNode qd = root.putObject("qdevice");
            boolean casting = info.has(InfoFlag.QDEVICE_CAST_VOTE);
            qd.put("name", info.qdeviceName());
            qd.put("votes", info.qdeviceVotes());
            qd.put("casting", casting);
        }
        return root;
    }

    public static String json(QuorumStatus s, QuorumToolOptions o) {
        try {
            return MAPPER.writeValueAsString(tree(s, o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status JSON", e);
        }
    }
}
