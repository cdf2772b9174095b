package org.quorate.qdevice.config;

import org.junit.jupiter.api.Test;
import org.quorate.testsupport.docs.SettingsDocCheck;

/** docs/settings.md's qdevice table is the one generated from {@link QdeviceSettingKeys}: the doc cannot drift. */
class QdeviceSettingsDocTest {
    @Test
    void theCommittedTableIsTheGeneratedOne() throws Exception {
        SettingsDocCheck.assertSectionIsGenerated("qdevice", QdeviceSettingKeys.SCHEMA, QdeviceSettingKeys.class);
    }
}
