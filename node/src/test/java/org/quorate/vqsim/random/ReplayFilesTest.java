package org.quorate.vqsim.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.conf.ConfParser;

/** A failing seed's corosync.conf files, written by ConfText, read back to the same keys. */
class ReplayFilesTest {
    @TempDir
    Path dir;

    @Test
    void generatedConfigurationsSurviveTheRoundTripThroughCorosyncSyntax() throws Exception {
        int variants = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Schedule s = new ScheduleGenerator(seed).generate(200);
            assertRoundTrip(s.cmap());
            for (Map<String, String> v : s.variants().values()) {
                assertRoundTrip(v);
                variants++;
            }
        }
        assertThat(variants).isGreaterThan(100);
    }

    private void assertRoundTrip(Map<String, String> cmap) throws Exception {
        Path f = Files.writeString(dir.resolve("c.conf"), ConfText.render(cmap));
        SortedMap<String, String> back = new TreeMap<>(ConfParser.parse(f).cmap());
        back.keySet().removeIf(k -> !cmap.containsKey(k)); // the parser adds keys of its own (e.g. totem.version)
        assertThat(back).isEqualTo(new TreeMap<>(cmap));
    }
}
