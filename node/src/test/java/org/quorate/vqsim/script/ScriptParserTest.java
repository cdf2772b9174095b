package org.quorate.vqsim.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
    private final ScriptParser parser = new ScriptParser("test.vqsim", Path.of("/scripts"));

    private Command parse(String line) {
        return parser.parseLine(7, line);
    }

    @Test
    void vqsimCommandsParseAsParserDotCReadsThem() {
        assertThat(parse("up 1:4,5 6")).isEqualTo(new Command.Up("up 1:4,5 6", Map.of(1, List.of(4L, 5L), 0, List.of(6L))));
        assertThat(parse("DOWN 1,2 3")).isEqualTo(new Command.Down("DOWN 1,2 3", List.of(1L, 2L, 3L)));
        assertThat(((Command.Move) parse("split 1:3   2:4,5")).nodesByPartition())
                .containsExactly(Map.entry(1, List.of(3L)), Map.entry(2, List.of(4L, 5L)));
        assertThat(parse("move 1:3")).isInstanceOf(Command.Move.class);
        assertThat(parse("join 0 1 2")).isEqualTo(new Command.Join("join 0 1 2", List.of(0, 1, 2)));
        assertThat(parse("qdevice on 1:1,2")).isEqualTo(new Command.Qdevice("qdevice on 1:1,2", true, List.of(1L, 2L)));
        assertThat(parse("qdevice OFF 3")).isEqualTo(new Command.Qdevice("qdevice OFF 3", false, List.of(3L)));
        assertThat(parse("autofence on")).isEqualTo(new Command.Autofence("autofence on", true));
        assertThat(parse("timeout 1000")).isEqualTo(new Command.Timeout("timeout 1000", Duration.ofSeconds(1)));
        assertThat(parse("sync off")).isEqualTo(new Command.Sync("sync off", false));
        assertThat(parse("assert on")).isEqualTo(new Command.Assert("assert on", true));
        assertThat(parse("show")).isInstanceOf(Command.Show.class);
        assertThat(parse("q")).isInstanceOf(Command.Exit.class);
        assertThat(parse("quit")).isInstanceOf(Command.Exit.class);
        assertThat(parse("help")).isInstanceOf(Command.Help.class);
        assertThat(parse("# a comment")).isNull();
        assertThat(parse("   ")).isNull();
    }

    @Test
    void quorateAdditions() {
        assertThat(parse("sleep 2.5")).isEqualTo(new Command.Sleep("sleep 2.5", Duration.ofMillis(2500)));
        assertThat(parse("sleep 0.001")).isEqualTo(new Command.Sleep("sleep 0.001", Duration.ofMillis(1)));
        assertThat(parse("expected 2")).isEqualTo(new Command.Expected("expected 2", 2, null));
        assertThat(parse("expected 2 3")).isEqualTo(new Command.Expected("expected 2 3", 2, 3L));
        assertThat(parse("votes 3 2")).isEqualTo(new Command.Votes("votes 3 2", 3, 2, null));
        assertThat(parse("votes 3 0 1")).isEqualTo(new Command.Votes("votes 3 0 1", 3, 0, 1L));
        assertThat(parse("reload three.conf")).isEqualTo(new Command.Reload("reload three.conf", Path.of("/scripts/three.conf")));
        assertThat(parse("check")).isInstanceOf(Command.Check.class);
    }

    @Test
    void errorsNameTheFileAndLineWhereVqsimWouldReadGarbageAsZero() {
        assertThatThrownBy(() -> parse("up x")).isInstanceOf(ScriptException.class)
                .hasMessage("test.vqsim:7: node id \"x\" is not a number");
        assertThatThrownBy(() -> parse("up 16:1")).hasMessage("test.vqsim:7: partition 16 is out of range 0..15");
        assertThatThrownBy(() -> parse("up 1,,2")).hasMessage("test.vqsim:7: node id \"\" is not a number");
        assertThatThrownBy(() -> parse("join 1")).hasMessage("test.vqsim:7: join needs at least two partition numbers");
        assertThatThrownBy(() -> parse("qdevice maybe 1")).hasMessage("test.vqsim:7: qdevice should be 'on' or 'off'");
        assertThatThrownBy(() -> parse("sleep -1")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("expected 0")).hasMessage("test.vqsim:7: expected votes 0 is out of range 1..2147483647");
        assertThatThrownBy(() -> parse("frobnicate")).hasMessage("test.vqsim:7: unknown command \"frobnicate\" (try 'help')");
        assertThatThrownBy(() -> parse("check now")).hasMessage("test.vqsim:7: unexpected \"now\"");
        assertThatThrownBy(() -> parse("down")).hasMessage("test.vqsim:7: down needs <nodeid>[,<nodeid>...]");
    }

    @Test
    void aWholeScriptKeepsItsLineNumbers() throws Exception {
        List<ScriptLine> lines = parser.parse(new StringReader("# start\nshow\n\nsleep 1\n"));
        assertThat(lines).extracting(ScriptLine::line).containsExactly(2, 4);
        assertThatThrownBy(() -> parser.parse(new StringReader("show\nshow\nbad\n")))
                .hasMessageStartingWith("test.vqsim:3:");
    }
}
