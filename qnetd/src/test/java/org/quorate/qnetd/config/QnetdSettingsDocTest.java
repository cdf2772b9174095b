package org.quorate.qnetd.config;

import org.junit.jupiter.api.Test;
import org.quorate.testsupport.docs.SettingsDocCheck;

/** docs/settings.md's qnetd table is the one generated from {@link QnetdSettingKeys}: the doc cannot drift. */
class QnetdSettingsDocTest {
    @Test
    void theCommittedTableIsTheGeneratedOne() throws Exception {
        SettingsDocCheck.assertSectionIsGenerated("qnetd", QnetdSettingKeys.SCHEMA, QnetdSettingKeys.class);
    }
}
