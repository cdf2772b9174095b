package org.quorate.qdevice.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.JavaCommand;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.lab.ClusterSpec;
import org.quorate.testsupport.lab.LabCluster;
import org.quorate.testsupport.lab.RealStack;
import org.quorate.testsupport.lab.StackCommands;
import org.quorate.testsupport.lab.TlsMode;

/**
 * What votequorum shows after corosync-qdevice is stopped with SIGTERM, the C daemon next to Quorate's, on
 * real corosync 3.1.7 nodes with the real C qnetd: (a) with the device section still configured, (b) after
 * the section was removed from corosync.conf and {@code corosync-cfgtool -R} ran, (c) in pvecm remove's order
 * (section removed from the file, qdevice stopped, then {@code corosync-cfgtool -R}). Compares, per node, the
 * quorum-relevant lines of {@code corosync-quorumtool -s} and the qdevice keys of {@code corosync-cmapctl}.
 */
@Tag("realstack")
@Tag("slow")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class QdeviceStopRegistrationTest {
    private enum Situation { CONFIGURED, REMOVED_THEN_RELOADED, PVECM_ORDER }

    @Test
    void quorateLeavesVotequorumAsTheCQdeviceDoes() throws Exception {
        List<String> quorate = JavaCommand.of("org.quorate.qdevice.daemon.QdeviceMain");
        quorate.add("-f");
        Map<String, String> c = new LinkedHashMap<>();
        Map<String, String> q = new LinkedHashMap<>();
        try (RealStack stack = RealStack.open("qdstop", StackCommands.debian())) {
            stack.startQnetd(TlsMode.ON);
            int id = 1;
            for (Situation situation : Situation.values()) {
                c.put(situation.name(), observe(stack, id++, situation, null));
                q.put(situation.name(), observe(stack, id++, situation, quorate));
            }
        }
        StringBuilder table = new StringBuilder("\n| situation | same? |\n| --- | --- |\n");
        c.forEach((situation, text) -> table.append("| ").append(situation).append(" | ")
                .append(text.equals(q.get(situation)) ? "yes" : "NO").append(" |\n"));
        System.out.println(table);
        c.forEach((situation, text) -> System.out.println("=== " + situation + "\n--- C\n" + text + "--- Quorate\n"
                + q.get(situation)));
        for (String situation : c.keySet()) {
            assertThat(q.get(situation)).as("after stopping qdevice, %s", situation).isEqualTo(c.get(situation));
        }
    }

    /** A 2-node cluster whose qdevice ({@code qdevice} null: the C one) is stopped in {@code situation}. */
    private static String observe(RealStack stack, int id, Situation situation, List<String> qdevice)
            throws Exception {
        LabCluster cluster = qdevice == null ? stack.createCluster(ClusterSpec.builder(id, 2).build())
                : stack.createCluster(ClusterSpec.builder(id, 2).build(), StackCommands.debian().withQdevice(qdevice));
        cluster.start();
        cluster.awaitQuorateWithQdevice(Duration.ofSeconds(90));
        if (situation != Situation.CONFIGURED) {
            for (int node = 1; node <= 2; node++) {
                removeDeviceSection(cluster.corosyncConf(node));
            }
        }
        if (situation == Situation.REMOVED_THEN_RELOADED) {
            reload(stack, cluster);
        }
        for (int node = 1; node <= 2; node++) {
            int status = cluster.kill(node, LabCluster.QDEVICE, "TERM");
            System.out.println((qdevice == null ? "C" : "Quorate") + " qdevice on node " + node + " after TERM ("
                    + situation + "): exit " + status);
        }
        if (situation == Situation.PVECM_ORDER) {
            reload(stack, cluster);
        }
        Thread.sleep(3000);
        StringBuilder seen = new StringBuilder();
        for (int node = 1; node <= 2; node++) {
            seen.append("node ").append(node).append(":\n").append(quorumLines(cluster.quorumTool(node).stdout()))
                    .append(cmapQdevice(stack, cluster, node));
        }
        return seen.toString();
    }

    private static void reload(RealStack stack, LabCluster cluster) {
        String out = stack.lab().exec(cluster.host(1), Duration.ofSeconds(15), List.of("corosync-cfgtool", "-R"))
                .describe();
        System.out.println("corosync-cfgtool -R: " + out);
    }

    /** Deletes {@code quorum.device { ... }}, nested braces included, as pvecm does. */
    static void removeDeviceSection(Path conf) throws Exception {
        String text = Files.readString(conf);
        int start = text.indexOf("  device {");
        assertThat(start).as("device section in %s", conf).isNotNegative();
        int depth = 0;
        int end = start;
        for (int i = text.indexOf('{', start); i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                end = text.indexOf('\n', i) + 1;
                break;
            }
        }
        Files.writeString(conf, text.substring(0, start) + text.substring(end));
    }

    /** The lines of {@code corosync-quorumtool -s} that say who votes; dates, ring ids and addresses left out. */
    static String quorumLines(String quorumtool) {
        List<String> kept = new ArrayList<>();
        for (String line : quorumtool.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Quorate:") || t.startsWith("Flags:") || t.startsWith("Expected votes:")
                    || t.startsWith("Highest expected:") || t.startsWith("Total votes:")
                    || t.startsWith("Quorum:") || t.startsWith("Nodes:")) {
                kept.add(t.replaceAll("\\s+", " "));
            } else if (t.matches("^(0x[0-9a-f]+|\\d+) .*")) {
                // membership rows: "1 1 A,V,NMW 198.18.x.y (local)" and the device row "0 1 Qdevice"
                // each cluster has its own host names (c<id>n<node>)
                kept.add(t.replaceAll("\\s+", " ").replaceAll("\\d+\\.\\d+\\.\\d+\\.\\d+", "ADDR")
                        .replaceAll("\\bc\\d+n(\\d+)\\b", "node$1").replaceAll("^0x0*", ""));
            }
        }
        return kept.stream().map(line -> "  " + line + "\n").collect(Collectors.joining());
    }

    private static String cmapQdevice(RealStack stack, LabCluster cluster, int node) {
        String cmap = stack.lab().exec(cluster.host(node), Duration.ofSeconds(15), List.of("corosync-cmapctl"))
                .stdout();
        StringBuilder kept = new StringBuilder();
        for (String line : cmap.split("\n")) {
            if (line.contains("qdevice") && !line.contains("runtime.totem") && !line.contains("ring_id")) {
                kept.append("  cmap ").append(line.replaceAll("\\d+\\.\\d+\\.\\d+\\.\\d+", "ADDR")).append('\n');
            }
        }
        return kept.toString();
    }
}
