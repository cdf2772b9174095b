package org.quorate.vqsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorate.vqsim.NodeSnapshot;

class TextSinkTest {
    @Test
    void aRunningNodesLineIsVqsimsPrefixThenTheNumbersAndTheFlagNamesInBitOrder() {
        NodeSnapshot n = new NodeSnapshot(2, 1, true, true, "1.8", List.of(1L, 2L), 3, 3, 3, 2,
                2 | 64 | 128 | 256);
        assertThat(TextSink.line(n)).isEqualTo("1:2: q=1 ring=[1.8] nodes=[1 2] expected=3 highest=3 total=3"
                + " quorum=2 flags=450 (Quorate Qdevice QdeviceAlive QdeviceCastVote)");
    }

    @Test
    void aNodeThatIsDownSaysSo() {
        assertThat(TextSink.line(new NodeSnapshot(4, 0, false, false, "", List.of(), 0, 0, 0, 0, 0)))
                .isEqualTo("0:4: down");
    }

    @Test
    void everyFlagHasAName() {
        assertThat(TextSink.flagNames(1 | 4 | 8 | 16 | 32 | 512))
                .isEqualTo("2Node WaitForAll LastManStanding AutoTieBreaker AllowDownscale QdeviceMasterWins");
        assertThat(TextSink.flagNames(0)).isEmpty();
    }
}
