package org.quorate.qnetd.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorate.testsupport.process.ReferenceOutputs;

/** Byte-for-byte comparison with the output of the real corosync-qnetd-tool 3.0.3. */
class QnetdStatusFormatterGoldenTest {
    static Stream<Arguments> captures() {
        return Stream.of("2n-ffsplit-tls.txt", "2n-ffsplit-notls.txt", "3n-lms-2links.txt", "4n-ffsplit.txt")
                .flatMap(f -> Stream.of(
                        Arguments.of(f, "status", false), Arguments.of(f, "status", true),
                        Arguments.of(f, "list", false), Arguments.of(f, "list", true)));
    }

    @ParameterizedTest(name = "{0} {1} verbose={2}")
    @MethodSource("captures")
    void matchesTheCapturedOutput(String file, String command, boolean verbose) {
        QnetdStatusSnapshot snapshot = ReferenceScenarios.forFile(file);
        String title = "qnetd# corosync-qnetd-tool " + (command.equals("status") ? "-s" : "-l") + (verbose ? " -v" : "");
        String expected = ReferenceOutputs.section(file, title);
        String actual = command.equals("status")
                ? QnetdStatusFormatter.status(snapshot, verbose)
                : QnetdStatusFormatter.list(snapshot, verbose, null);
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).contains("\t").endsWith("\n");
    }
}
