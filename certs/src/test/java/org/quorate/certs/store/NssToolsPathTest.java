package org.quorate.certs.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** pcs runs the certutils with no PATH at all (issue #8): the tools must still be looked up where a shell would. */
class NssToolsPathTest {
    @Test
    void anUnsetOrEmptyPathMeansTheShellsDefaultPath() {
        assertThat(NssTools.effectivePath(null)).isEqualTo(NssTools.DEFAULT_PATH);
        assertThat(NssTools.effectivePath("")).isEqualTo(NssTools.DEFAULT_PATH);
        assertThat(NssTools.DEFAULT_PATH.split(":")).contains("/usr/bin", "/bin", "/usr/sbin");
    }

    @Test
    void aGivenPathIsUsedAsItIs() {
        assertThat(NssTools.effectivePath("/opt/nss/bin")).isEqualTo("/opt/nss/bin");
    }
}
