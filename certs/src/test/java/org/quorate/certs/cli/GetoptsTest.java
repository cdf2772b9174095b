package org.quorate.certs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected outputs were taken from bash 5.2's getopts with the scripts' option string. */
class GetoptsTest {
    private static final String QNETD = ":Ghisc:n:";

    private static List<String> events(String optionString, String... args) {
        Getopts getopts = new Getopts(optionString, List.of(args));
        List<String> out = new ArrayList<>();
        for (Optional<Getopts.Event> e = getopts.next(); e.isPresent(); e = getopts.next()) {
            Getopts.Event event = e.get();
            out.add(switch (event.kind()) {
                case OPTION -> event.name() + event.argument().map(a -> "=" + a).orElse("");
                case INVALID_OPTION -> "?" + event.name();
                case MISSING_ARGUMENT -> ":" + event.name();
            });
        }
        out.add("rest=" + getopts.operands());
        return out;
    }

    @Test
    void clusteredFlagsTakeTheNextWordAsArgument() {
        assertThat(events(QNETD, "-sc", "file", "-n")).containsExactly("s", "c=file", ":n", "rest=[]");
    }

    @Test
    void attachedArgumentAndArgumentThatLooksLikeAnOption() {
        assertThat(events(QNETD, "-nCluster", "-c", "-i")).containsExactly("n=Cluster", "c=-i", "rest=[]");
        assertThat(events(QNETD, "-n", "-i", "-s")).containsExactly("n=-i", "s", "rest=[]");
    }

    @Test
    void longOptionsAreSeenAsInvalidCharacters() {
        assertThat(events(QNETD, "--foo")).containsExactly("?-", "?f", "?o", "?o", "rest=[]");
        assertThat(events(QNETD, "-:")).containsExactly("?:", "rest=[]");
    }

    @Test
    void parsingStopsAtDoubleDashAndFirstOperand() {
        assertThat(events(QNETD, "-s", "--", "-i")).containsExactly("s", "rest=[-i]");
        assertThat(events(QNETD, "-i", "-", "-s")).containsExactly("i", "rest=[-, -s]");
        assertThat(events(":hiMmQrc:S:C:n:", "-Q", "-n", "c1", "qnetd", "n1", "-x"))
                .containsExactly("Q", "n=c1", "rest=[qnetd, n1, -x]");
    }

    @Test
    void eventsComeInOrderSoHelpBeforeAnErrorWins() {
        assertThat(events(QNETD, "-h", "-x")).containsExactly("h", "?x", "rest=[]");
        assertThat(events(QNETD, "-x", "-i")).containsExactly("?x", "i", "rest=[]");
        assertThat(events(QNETD, "-c")).containsExactly(":c", "rest=[]");
    }

    @Test
    void errorMessagesAreTheScripts() {
        Getopts getopts = new Getopts(QNETD, List.of("-x", "-c"));
        assertThat(getopts.next().orElseThrow().errorMessage()).isEqualTo("Invalid option: -x");
        assertThat(getopts.next().orElseThrow().errorMessage()).isEqualTo("Option -c requires an argument.");
    }
}
