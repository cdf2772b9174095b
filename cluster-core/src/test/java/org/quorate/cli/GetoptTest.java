package org.quorate.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

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

    // The admin tools' command line (corosync-qnetd-tool), acted on option by option like a getopt loop.
    private final Getopt tool = new Getopt("tool", "Hhlsvc:p:", Map.of("help", false, "output-format", true));

    @Test
    void clusteredToolFlagsWithAttachedOrSeparateArguments() throws Exception {
        assertThat(tool.parse(new String[] {"-sv", "-p/x", "-c", "lab 1"}).options()).containsExactly(
                new Getopt.Option('s', null, null), new Getopt.Option('v', null, null),
                new Getopt.Option('p', null, "/x"), new Getopt.Option('c', null, "lab 1"));
        assertThat(tool.parse(new String[] {"-svp", "/y"}).options()).last()
                .isEqualTo(new Getopt.Option('p', null, "/y"));
    }

    @Test
    void operandsAnywhereAndDoubleDashEndsOptions() throws Exception {
        Getopt.Result r = tool.parse(new String[] {"foo", "-s", "-", "bar"});
        assertThat(r.options()).containsExactly(new Getopt.Option('s', null, null));
        assertThat(r.operands()).containsExactly("foo", "-", "bar");
        assertThat(tool.parse(new String[] {"--", "-s"}).options()).isEmpty();
    }

    @Test
    void scanKeepsTheOptionsBeforeTheFirstError() {
        Getopt.Scan invalid = tool.scan(new String[] {"-h", "-x", "-s"});
        assertThat(invalid.options()).hasSize(1);
        assertThat(invalid.options().get(0).is('h')).isTrue();
        assertThat(invalid.failed()).isTrue();
        assertThat(invalid.error()).hasMessage("tool: invalid option -- 'x'");
        assertThat(invalid.error().flag()).isEqualTo('x');
        assertThat(tool.scan(new String[] {"-s", "-p"}).error()).hasMessage("tool: option requires an argument -- 'p'");
        assertThat(tool.scan(new String[] {"-:"}).error()).hasMessage("tool: invalid option -- ':'");
        Getopt.Scan clean = tool.scan(new String[] {"-s", "--help"});
        assertThat(clean.failed()).isFalse();
        assertThat(clean.options()).extracting(o -> o.is('s'), o -> o.is("help"))
                .containsExactly(tuple(true, false),
                        tuple(false, true));
    }

    @Test
    void longOptionErrors() {
        assertThat(tool.scan(new String[] {"--output-format"}).error())
                .hasMessage("tool: option '--output-format' requires an argument");
        assertThat(tool.scan(new String[] {"--help=x"}).error()).hasMessage("tool: option '--help' doesn't allow an argument");
        assertThat(tool.scan(new String[] {"--nope"}).error()).hasMessage("tool: unrecognized option '--nope'");
    }
}
