package org.quorate.link.tool;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The 10-minute version of the 2 % loss run (bench): the CI one lasts 60 s. */
@Tag("bench")
@Tag("realstack")
class LinkbenchLossBenchTest {
    @Test
    void tenMinutesAtTwoPercentLossDeclareNoLinkDown() throws Exception {
        System.setProperty("quorate.linkbench.loss.seconds", System.getProperty("quorate.linkbench.bench.seconds", "600"));
        try {
            new LinkbenchNetnsTest().twoPercentLossOnEveryLinkDeclaresNoLinkDown();
        } finally {
            System.clearProperty("quorate.linkbench.loss.seconds");
        }
    }
}
