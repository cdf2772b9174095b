package org.quorate.ipc.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared flow of the admin tools, with a tool that only records its own flags. */
class AdminToolMainTest {
    @TempDir
    Path dir;

    private static final class Recorder implements AdminToolMain.Request {
        final List<String> flags = new ArrayList<>();

        @Override
        public void flag(char flag, String argument) {
            flags.add(flag + (argument == null ? "" : "=" + argument));
        }

        @Override
        public boolean hasOperation() {
            return flags.contains("s");
        }

        @Override
        public boolean answersInJson() {
            return true;
        }

        @Override
        public String line(boolean json) {
            return json ? "status json \n" : "status \n";
        }
    }

    private record Run(int exitCode, String out, String err, List<String> flags) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Recorder recorder = new Recorder();
        AdminToolMain.Tool tool = new AdminToolMain.Tool("t-tool", "usage: t-tool [-hsv]", "tee", "svc:",
                "  -s                   show\n", dir.resolve("default.sock"), "Can't connect to t");
        int code = AdminToolMain.run(tool, recorder, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), recorder.flags);
    }

    @Test
    void theToolGetsItsOwnFlagsInOrderAndTheDefaultSocketIsUsed() {
        Run r = run("-vs", "-c", "lab");
        assertThat(r.flags()).containsExactly("v", "s", "c=lab");
        assertThat(r.exitCode()).isEqualTo(AdminToolClient.EXIT_CONNECT);
        assertThat(r.err()).startsWith("t-tool: Can't connect to t: ");
    }

    @Test
    void minusPChoosesTheSocket() {
        Run r = run("-s", "-p", dir.resolve("other.sock").toString());
        assertThat(r.flags()).containsExactly("s");
        assertThat(r.exitCode()).isEqualTo(AdminToolClient.EXIT_CONNECT);
    }

    @Test
    void usageAndHelp() {
        assertThat(run("-v")).isEqualTo(new Run(1, "usage: t-tool [-hsv]\n", "", List.of("v")));
        assertThat(run("-h", "-x")).isEqualTo(new Run(1, "usage: t-tool [-hsv]\n", "", List.of()));
        Run help = run("-s", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("usage: t-tool [-hsv]\n\nQuery or stop a running corosync-tee through")
                .contains("  -s                   show\n  -p path              IPC socket (default " + dir)
                .contains("JSON needs a Quorate tee\n").endsWith("4 the daemon returned an error.\n");
    }

    @Test
    void errorsComeAfterTheOptionsBeforeThemAndNameTheProgram() {
        Run invalid = run("-s", "-x", "-v");
        assertThat(invalid).isEqualTo(new Run(1, "usage: t-tool [-hsv]\n", "t-tool: invalid option -- 'x'\n", List.of("s")));
        Run format = run("-s", "--output-format=xml");
        assertThat(format.exitCode()).isEqualTo(1);
        assertThat(format.err()).isEqualTo("t-tool: invalid --output-format 'xml' (expected text, json or json-pretty)\n");
    }

    @Test
    void requestLinesEndEveryWordWithASpace() {
        assertThat(AdminToolMain.requestLine("status", false, false)).isEqualTo("status \n");
        assertThat(AdminToolMain.requestLine("list", true, true, "cluster", "\"a b\""))
                .isEqualTo("list verbose json cluster \"a b\" \n");
    }
}
