package org.quorate.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetoptTest {
    private final Getopt getopt = new Getopt("prog", "ab:c", Map.of("output-format", true, "help", false));

    @Test
    void clustersGluedAndSeparateArguments() throws Exception {
        Getopt.Result r = getopt.parse(new String[] {"-ac", "-bX", "word", "-b", "Y", "--", "-a"});
        assertThat(r.options()).extracting(Getopt.Option::flag).containsExactly('a', 'c', 'b', 'b');
        assertThat(r.options()).extracting(Getopt.Option::argument).containsExactly(null, null, "X", "Y");
        assertThat(r.operands()).containsExactly("word", "-a");
    }

    @Test
    void clusterEndingInAnArgumentOption() throws Exception {
        Getopt.Result r = getopt.parse(new String[] {"-ab", "V"});
        assertThat(r.options()).extracting(Getopt.Option::argument).containsExactly(null, "V");
    }

    @Test
    void longOptions() throws Exception {
        Getopt.Result r = getopt.parse(new String[] {"--output-format=json", "--output-format", "text", "--help"});
        assertThat(r.options()).extracting(Getopt.Option::longName).containsExactly("output-format", "output-format", "help");
        assertThat(r.options()).extracting(Getopt.Option::argument).containsExactly("json", "text", null);
    }

    @Test
    void glibcErrorTexts() {
        assertThatThrownBy(() -> getopt.parse(new String[] {"-x"})).hasMessage("prog: invalid option -- 'x'");
        assertThatThrownBy(() -> getopt.parse(new String[] {"-b"})).hasMessage("prog: option requires an argument -- 'b'");
        assertThatThrownBy(() -> getopt.parse(new String[] {"--nope"})).hasMessage("prog: unrecognized option '--nope'");
        assertThatThrownBy(() -> getopt.parse(new String[] {"--help=1"}))
                .hasMessage("prog: option '--help' doesn't allow an argument");
        assertThat(List.of(getopt.longOptionNames().toArray())).contains("help");
    }
}
