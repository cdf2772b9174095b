package org.quorate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quorate.testsupport.JavaCommand;
import picocli.CommandLine;

/**
 * The generator end to end with 20 TLS nodes against Quorate's qnetd, started from the test classpath:
 * every phase (connect, first votes, steady window, 1:1 split of all 10 clusters, kill and restart)
 * must complete. Slow (JVM start-ups, a restart), so it runs only with -Pall.
 */
@Tag("slow")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LoadGeneratorSmokeTest {

    @Test
    void twentyTlsNodesAgainstQuorate(@TempDir Path work) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new LoadGenerator(out)).setCaseInsensitiveEnumValuesAllowed(true).execute(
                "--clients", "20", "--server", "quorate", "--tls", "on", "--steady-seconds", "2",
                "--split-rate", "50", "--phase-timeout-seconds", "120", "--work-dir", work.toString(),
                "--qnetd-classpath", JavaCommand.classpath(),
                "--qnetd-jvm-options", "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        assertThat(output)
                .contains("| clients connected (INIT done) | 20 / 20 |")
                .contains("| votes measured / unexpected | 20 / 0 |")
                .contains("(20 nodes)")
                .doesNotContain("notes:");
        assertThat(work.resolve("quorate-run/qnetd-2.log")).as("the restarted server's log").exists();
    }
}
