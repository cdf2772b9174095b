package org.quorate.link.real;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CfgtoolTextTest {
    private static final String CUT = CfgtoolVectors.read(CfgtoolVectors.State.CUT, 1, CfgtoolVectors.Form.STATUS);
    private static final String UP = CfgtoolVectors.read(CfgtoolVectors.State.UP, 1, CfgtoolVectors.Form.STATUS);

    @Test
    void readsOneNodeOnOneLink() {
        assertThat(CfgtoolText.connected(CUT, 0, 2)).isFalse();
        assertThat(CfgtoolText.connected(CUT, 0, 3)).isTrue();
        assertThat(CfgtoolText.connected(CUT, 1, 2)).isTrue();
        assertThat(CfgtoolText.connected(CUT, 0, 1)).isFalse(); // localhost is not "connected"
        assertThat(CfgtoolText.connected(CUT, 5, 2)).isFalse(); // no such link
        assertThat(RealLinkLab.allConnected(UP)).isTrue();
        assertThat(RealLinkLab.allConnected(CUT)).isFalse();
    }

    @Test
    void readsTheMtusOfNodesText() {
        assertThat(CfgtoolText.mtus(CfgtoolVectors.read(CfgtoolVectors.State.UP, 1, CfgtoolVectors.Form.NODES)))
                .containsExactly(1397, 1397, 1397, 1397);
    }
}
