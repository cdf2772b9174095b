package org.quorate.vqsim.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.quorate.vqsim.NodeSnapshot;

/** Writes what the differential saw: per scenario every step's snapshots, and the table of all scenarios. */
final class DiffReport {
    static final Path DIR = Path.of("target/vqdiff");

    private DiffReport() {
    }

    /** One line per node per step, real and (if run) sim, so a run can be checked by hand against the spec. */
    static String steps(Lockstep.Outcome o) {
        StringBuilder sb = new StringBuilder("# scenario " + o.scenario() + ": " + o.verdict() + "\n");
        for (Lockstep.StepPair p : o.steps()) {
            sb.append("step ").append(p.real().step()).append(" ").append(p.real().command())
                    .append("  (real ").append(p.real().millis()).append(" ms")
                    .append(p.real().settled() ? "" : ", NOT SETTLED").append(")")
                    .append(p.real().refusal() == null ? "" : "  refused: " + p.real().refusal()).append('\n');
            lines(sb, "real", p.real().nodes());
            if (p.sim() != null) {
                if (p.sim().refusal() != null) {
                    sb.append("  sim refused: ").append(p.sim().refusal()).append('\n');
                }
                lines(sb, "sim ", p.sim().nodes());
            }
            p.differences().forEach(d -> sb.append("  DIFF ").append(d).append('\n'));
        }
        if (o.error() != null) {
            sb.append("ERROR ").append(o.error()).append('\n');
        }
        return sb.toString();
    }

    private static void lines(StringBuilder sb, String side, List<NodeSnapshot> nodes) {
        for (NodeSnapshot n : nodes) {
            sb.append("  ").append(side).append(" n").append(n.nodeId()).append(" p").append(n.partition());
            if (!n.up()) {
                sb.append(" down\n");
                continue;
            }
            sb.append(n.quorate() ? " Q " : " - ").append(n.numbers()).append(" members=").append(n.members())
                    .append(" ring=").append(n.ring()).append('\n');
        }
    }

    /** Markdown table: scenario, steps, real and sim wall time, verdict. */
    static String table(List<Lockstep.Outcome> outcomes) {
        StringBuilder sb = new StringBuilder("| scenario | steps | real s | sim ms | result |\n|---|---|---|---|---|\n");
        long total = 0;
        int same = 0;
        for (Lockstep.Outcome o : outcomes) {
            total += o.realMillis();
            same += o.same() ? 1 : 0;
            sb.append("| ").append(o.scenario()).append(" | ").append(o.steps().size() - 1).append(" | ")
                    .append(String.format("%.1f", o.realMillis() / 1000.0)).append(" | ").append(o.simMillis())
                    .append(" | ").append(o.verdict().replace("|", "\\|")).append(" |\n");
        }
        sb.append("\n").append(same).append(" of ").append(outcomes.size()).append(" scenarios same; real time ")
                .append(String.format("%.1f", total / 1000.0)).append(" s\n");
        return sb.toString();
    }

    static void write(String file, String text) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + DIR.resolve(file), e);
        }
    }
}
