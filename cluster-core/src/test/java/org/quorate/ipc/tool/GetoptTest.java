package org.quorate.ipc.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GetoptTest {
    private final Getopt getopt = new Getopt("Hhlsvc:p:", Set.of("help"), Set.of("output-format"));

    private List<Getopt.Option> parse(String... args) {
        return getopt.parse(args);
    }

    @Test
    void clusteredFlagsAndAttachedOrSeparateArguments() {
        assertThat(parse("-sv", "-p/x", "-c", "lab 1")).containsExactly(
                new Getopt.Option('s', null, null), new Getopt.Option('v', null, null),
                new Getopt.Option('p', null, "/x"), new Getopt.Option('c', null, "lab 1"));
        assertThat(parse("-svp", "/y")).last().isEqualTo(new Getopt.Option('p', null, "/y"));
    }

    @Test
    void operandsAnywhereAreSkippedAndDoubleDashEndsOptions() {
        assertThat(parse("foo", "-s", "-", "bar")).containsExactly(new Getopt.Option('s', null, null));
        assertThat(parse("--", "-s")).isEmpty();
    }

    @Test
    void errorsCarryGlibcMessagesAndComeAfterTheOptionsBeforeThem() {
        List<Getopt.Option> invalid = parse("-h", "-x");
        assertThat(invalid.get(0).is('h')).isTrue();
        assertThat(invalid.get(1).isError()).isTrue();
        assertThat(invalid.get(1).argument()).isEqualTo("invalid option -- 'x'");
        assertThat(parse("-s", "-p").get(1).argument()).isEqualTo("option requires an argument -- 'p'");
        assertThat(parse("-:").get(0).argument()).isEqualTo("invalid option -- ':'");
    }

    @Test
    void longOptions() {
        assertThat(parse("--output-format=json", "--output-format", "text", "--help")).containsExactly(
                new Getopt.Option('\0', "output-format", "json"), new Getopt.Option('\0', "output-format", "text"),
                new Getopt.Option('\0', "help", null));
        assertThat(parse("--nope").get(0).argument()).isEqualTo("unrecognized option '--nope'");
        assertThat(parse("--output-format").get(0).argument()).isEqualTo("option '--output-format' requires an argument");
        assertThat(parse("--help=x").get(0).argument()).isEqualTo("option '--help' doesn't allow an argument");
    }
}
