package org.quorate.vqsim.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.quorate.vqsim.NodeSnapshot;
import org.quorate.vqsim.script.Command;

/**
 * {@code --output-format json}: after the start (step 0) and after every command, one JSON object per
 * line for each node, with the fields step, command (the script line; null at step 0), node, partition,
 * up, quorate, ring, members, expected, highest_expected, total_votes, quorum, flags. {@code show} and
 * vqsim's informational lines add nothing: every step already prints the whole state.
 */
public final class JsonSink implements StepSink {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintStream out;

    public JsonSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void step(int step, Command command, List<NodeSnapshot> nodes, boolean syncCommand) {
        for (NodeSnapshot n : nodes) {
            out.println(line(step, command == null ? null : command.text(), n));
        }
    }

    @Override
    public void show(List<NodeSnapshot> nodes, boolean autofence) {}

    @Override
    public void info(String line) {}

    /** One node's object. */
    public static String line(int step, String command, NodeSnapshot n) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("step", step);
        if (command == null) {
            o.putNull("command");
        } else {
            o.put("command", command);
        }
        o.put("node", n.nodeId());
        o.put("partition", n.partition());
        o.put("up", n.up());
        o.put("quorate", n.quorate());
        o.put("ring", n.ring());
        ArrayNode m = o.putArray("members");
        n.members().forEach(m::add);
        o.put("expected", n.expected());
        o.put("highest_expected", n.highestExpected());
        o.put("total_votes", n.totalVotes());
        o.put("quorum", n.quorum());
        o.put("flags", n.flags());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
