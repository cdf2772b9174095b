package org.quorate.testsupport.lab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabPrerequisitesTest {

    @Test
    void aMissingToolFailsWithItsNameAndTheFix() {
        assertThatThrownBy(() -> LabPrerequisites.require(List.of("sh", "no-such-tool-quorate")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-tool-quorate")
                .hasMessageContaining(".ci/install-deps")
                .hasMessageNotContaining("[sh");
    }
}
