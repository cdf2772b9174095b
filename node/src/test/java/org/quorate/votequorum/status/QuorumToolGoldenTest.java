package org.quorate.votequorum.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quorate.cluster.RingId;
import org.quorate.votequorum.CsError;
import org.quorate.votequorum.service.VotequorumService;
import org.quorate.vqsim.engine.SimCluster;

/**
 * The status text against real corosync 3.1.7's output (realstack results/reference): the same configuration,
 * all nodes up and the device ("Qdevice", as corosync-qdevice names it) casting on every node, must print the
 * same bytes. The ring id and the date are taken from the reference (ring sequences differ by design).
 */
class QuorumToolGoldenTest {
    private static final Pattern RING = Pattern.compile("Ring ID:\\s+([0-9a-f]+)\\.([0-9a-f]+)");
    private static final Pattern DATE = Pattern.compile("Date:\\s+(.+)\n");
    private static final java.time.format.DateTimeFormatter CTIME =
            java.time.format.DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", java.util.Locale.ROOT);
    private static final Pattern COMMAND = Pattern.compile("c1n(\\d+)# corosync-quorumtool (-s|-l)");

    @ParameterizedTest
    @ValueSource(strings = {"2n-ffsplit-tls.txt", "2n-ffsplit-notls.txt", "3n-lms-2links.txt", "4n-ffsplit.txt"})
    void quorumToolPrintsWhatCorosyncPrinted(String file) {
        ReferenceOutputs ref = ReferenceOutputs.load(file);
        Map<String, String> cmap = MiniConf.flatten(ref.sections().get("corosync.conf of c1n1"));
        int compared = 0;
        try (SimCluster sim = new SimCluster(cmap, p -> cmap)) {
            List<Long> nodes = sim.configuredNodes();
            sim.up(0, nodes);
            for (long id : nodes) {
                VotequorumService vq = sim.service(id);
                CsError[] reply = new CsError[1];
                vq.qdeviceRegister("Qdevice", e -> reply[0] = e);
                sim.scheduler().runDue();
                assertThat(reply[0]).isEqualTo(CsError.OK);
                assertThat(vq.qdeviceMasterWins("Qdevice", false)).isEqualTo(CsError.OK);
            }
            for (long id : nodes) {
                VotequorumService vq = sim.service(id);
                assertThat(vq.qdevicePoll("Qdevice", true, vq.core().ringId())).isEqualTo(CsError.OK);
            }
            sim.scheduler().runDue();
            RingId ring = null;
            for (Map.Entry<String, String> e : ref.sections().entrySet()) {
                Matcher m = RING.matcher(e.getValue());
                if (m.find()) {
                    ring = new RingId(Long.parseLong(m.group(1), 16), Long.parseLong(m.group(2), 16));
                }
            }
            for (Map.Entry<String, String> e : ref.sections().entrySet()) {
                Matcher m = COMMAND.matcher(e.getKey());
                if (!m.matches()) {
                    continue;
                }
                long node = Long.parseLong(m.group(1));
                QuorumStatus status = QuorumStatus.of(sim.service(node).core(), dateOf(e.getValue(), ref))
                        .withRingId(ring);
                QuorumToolFormatter.ToolOutput out = m.group(2).equals("-s")
                        ? QuorumToolFormatter.status(status, QuorumToolOptions.DEFAULT, ZoneOffset.UTC)
                        : QuorumToolFormatter.nodes(status, QuorumToolOptions.DEFAULT);
                assertThat(out.stdout()).as("%s: %s", file, e.getKey()).isEqualTo(e.getValue());
                assertThat(out.exitCode()).isZero();
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(3);
    }

    /** The instant of the section's own {@code Date:} line (the lab ran the commands a second apart at times). */
    private static long dateOf(String section, ReferenceOutputs ref) {
        Matcher m = DATE.matcher(section);
        if (!m.find()) {
            return ref.taken().toEpochMilli();
        }
        return java.time.LocalDateTime.parse(m.group(1).replaceAll("  +", " "), CTIME)
                .toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
