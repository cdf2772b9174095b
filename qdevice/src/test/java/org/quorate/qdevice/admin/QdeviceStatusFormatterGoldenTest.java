package org.quorate.qdevice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorate.testsupport.process.ReferenceOutputs;

/** Byte-for-byte comparison with the output of the real corosync-qdevice-tool 3.0.3 (lab in UTC). */
class QdeviceStatusFormatterGoldenTest {
    static Stream<Arguments> captures() {
        return Stream.of("2n-ffsplit-tls.txt", "2n-ffsplit-notls.txt", "3n-lms-2links.txt", "4n-ffsplit.txt")
                .flatMap(f -> Stream.of(Arguments.of(f, false), Arguments.of(f, true)));
    }

    @ParameterizedTest(name = "{0} verbose={1}")
    @MethodSource("captures")
    void matchesTheCapturedOutput(String file, boolean verbose) {
        String expected = ReferenceOutputs.section(file, "c1n1# corosync-qdevice-tool -s" + (verbose ? " -v" : ""));
        String actual = QdeviceStatusFormatter.status(ReferenceScenarios.forFile(file), verbose, ZoneOffset.UTC);
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).contains("\n----------------------\n");
    }
}
