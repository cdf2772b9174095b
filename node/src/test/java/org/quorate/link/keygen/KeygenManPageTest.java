package org.quorate.link.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** quorate-keygen.1 documents every option that --help names, short and long. */
class KeygenManPageTest {
    @Test
    void theManPageNamesEveryOptionOfHelp() throws IOException {
        String man = Files.readString(Path.of("src/main/man/quorate-keygen.1"));
        String help = KeygenRun.of("quorate-keygen", List.of("-h")).out();
        for (KeygenOption o : KeygenOption.values()) {
            assertThat(help).as("--help names -%s", o.letter()).contains("-" + o.letter() + " / --" + o.longName());
            assertThat(man).as("the man page names -%s", o.letter()).contains("\\-" + o.letter());
            assertThat(man).as("the man page names --%s", o.longName())
                    .contains("\\-\\-" + o.longName().replace("-", "\\-"));
        }
        assertThat(man).startsWith(".TH QUORATE-KEYGEN 1");
        assertThat(man).contains("/etc/corosync/authkey").contains("0400");
    }
}
