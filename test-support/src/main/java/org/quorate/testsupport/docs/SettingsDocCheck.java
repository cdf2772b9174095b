package org.quorate.testsupport.docs;

import org.quorate.config.SettingsSchema;
import org.quorate.config.SettingsTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift check of docs/settings.md: one generated section must equal the table of its schema. With
 * {@code -Dquorate.writeDocs=true} the section is regenerated first (then the check passes and git shows the change).
 */
public final class SettingsDocCheck {
    /** docs/settings.md seen from a module directory, where surefire runs. */
    public static final Path DOC = Path.of("..", "docs", "settings.md");

    private SettingsDocCheck() {
    }

    /**
     * Asserts that section {@code section} of {@link #DOC} is {@code schema}'s table; {@code declaredIn} names the
     * class to edit in the failure message.
     */
    public static void assertSectionIsGenerated(String section, SettingsSchema schema, Class<?> declaredIn)
            throws IOException {
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        String generated = SettingsTable.replaceSection(committed, section, SettingsTable.markdown(schema));
        if (Boolean.getBoolean("quorate.writeDocs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("%s differs from %s; regenerate with -Dquorate.writeDocs=true",
                DOC.toAbsolutePath().normalize(), declaredIn.getSimpleName()).isEqualTo(generated);
    }
}
