package org.quorate.link.tool;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** quorate-linkbench.1 documents every option --help lists, each under a .TP item of its own. */
class LinkbenchManPageTest {
    private static final Path MAN = Path.of("src/main/man/quorate-linkbench.1");

    @Test
    void theManPageNamesEveryOptionOfHelp() throws Exception {
        String man = Files.readString(MAN);
        CommandLine cl = new CommandLine(new LinkbenchMain(null, System.out, System.err));
        List<String> names = new ArrayList<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            names.addAll(List.of(o.names()));
        }
        assertThat(names).contains("--send-rate", "--impair-rx-jitter", "-S", "--status-file", "--ping-pong");
        String help = cl.getUsageMessage();
        for (String name : names) {
            assertThat(help).contains(name);
            String roff = "\\fB" + name.replace("-", "\\-") + "\\fR";
            // in the OPTIONS section (not only the synopsis): the tag line of a .TP item naming it
            String options = man.substring(man.indexOf(".SH OPTIONS"), man.indexOf(".SH IMPAIRMENTS"));
            List<String> tags = java.util.Arrays.stream(options.split("\\.TP\n")).skip(1)
                    .map(item -> item.lines().findFirst().orElse("")).toList();
            assertThat(tags).as("man page OPTIONS item for " + name)
                    .anyMatch(tag -> tag.startsWith(roff) || tag.contains(", " + roff));
        }
    }

    @Test
    void theExitCodesOfHelpAreTheManPagesAndTheNameIsRight() throws Exception {
        String man = Files.readString(MAN);
        assertThat(man).startsWith(".TH QUORATE-LINKBENCH 1 ");
        String exit = man.substring(man.indexOf(".SH EXIT STATUS"), man.indexOf(".SH EXAMPLES"));
        for (String code : List.of("0", "1", "64")) {
            assertThat(exit).contains(".TP\n" + code + "\n");
        }
        String help = new CommandLine(new LinkbenchMain(null, System.out, System.err)).getUsageMessage();
        assertThat(help).contains("0    the run", "1    an error", "64   usage error");
    }
}
