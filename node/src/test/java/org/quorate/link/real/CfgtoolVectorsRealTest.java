package org.quorate.link.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quorate.link.real.CfgtoolVectors.Form;
import org.quorate.link.real.CfgtoolVectors.State;

/**
 * Re-captures {@code corosync-cfgtool -s}, {@code -s -b} and {@code -n} from real corosync 3.1.7 on the link lab
 * (3 hosts, 2 links) with all links up and after cutting link 0 between node 1 and node 2, and compares them
 * with the captured files byte for byte. With {@code -Dquorate.cfgtool.record=true} it writes the files instead.
 * Nothing in these texts varies between runs: addresses are fixed, the MTU is knet's for a 1500-byte veth with
 * aes256/sha256 (see the README beside the vectors), and latency is not printed.
 */
@Tag("realstack")
class CfgtoolVectorsRealTest {
    private static final boolean RECORD = Boolean.getBoolean("quorate.cfgtool.record");

    @Test
    void realCfgtoolPrintsTheCapturedVectors() {
        Map<String, String> mismatches = new LinkedHashMap<>();
        try (RealLinkLab lab = RealLinkLab.open("cfgtool-vectors", LinkProfile.DEFAULT)) {
            lab.awaitPathMtuSettled(Duration.ofSeconds(120));
            captureAll(lab, State.UP, mismatches);
            lab.cutLink(1, 2, 0);
            lab.awaitLinkState(1, 2, 0, false, Duration.ofSeconds(30));
            lab.awaitLinkState(2, 1, 0, false, Duration.ofSeconds(30));
            captureAll(lab, State.CUT, mismatches);
        }
        assertThat(mismatches).as("captured vectors that real corosync-cfgtool no longer prints").isEmpty();
    }

    private static void captureAll(RealLinkLab lab, State state, Map<String, String> mismatches) {
        for (int node = 1; node <= LinkLabConf.NODES; node++) {
            Map<Form, String> texts = new EnumMap<>(Form.class);
            for (Form form : Form.values()) {
                texts.put(form, lab.cfgtool(node, form.args.toArray(String[]::new)));
            }
            for (Form form : Form.values()) {
                String text = texts.get(form);
                System.out.println("=== " + CfgtoolVectors.fileName(state, node, form) + "\n" + text);
                if (RECORD) {
                    CfgtoolVectors.write(state, node, form, text);
                } else if (!text.equals(CfgtoolVectors.read(state, node, form))) {
                    mismatches.put(CfgtoolVectors.fileName(state, node, form), text);
                }
            }
        }
    }
}
