package org.quorate.qnetd.config;

import org.junit.jupiter.api.Test;
import org.quorate.config.SettingsTable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/settings.md's qnetd table is the one generated from {@link QnetdSettingKeys}: the doc cannot drift. */
class QnetdSettingsDocTest {
    private static final Path DOC = Path.of("..", "docs", "settings.md");

    @Test
    void theCommittedTableIsTheGeneratedOne() throws Exception {
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        String generated = SettingsTable.replaceSection(committed, "qnetd", SettingsTable.markdown(QnetdSettingKeys.SCHEMA));
        if (Boolean.getBoolean("quorate.writeDocs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("%s differs from QnetdSettingKeys; regenerate with -Dquorate.writeDocs=true",
                DOC.toAbsolutePath().normalize()).isEqualTo(generated);
    }
}
