package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalNodeTest {
    private static final ConfDocument DOC = ConfParser.parse("l.conf", "totem {\n\tversion: 2\n}\nnodelist {\n"
        + "\tnode {\n\t\tnodeid: 1\n\t\tname: alpha.example.org\n\t\tring0_addr: 198.19.100.1\n\t}\n"
        + "\tnode {\n\t\tnodeid: 2\n\t\tname: beta\n\t\tring0_addr: 198.19.100.2\n\t}\n"
        + "\tnode {\n\t\tnodeid: 3\n\t\tring0_addr: gamma\n\t}\n}\n", Dialect.COROSYNC, UserDb.numericOnly());

    @Test
    void matchesInCorosyncsOrder() {
        assertThat(LocalNode.find(DOC, "beta", List.of(), a -> null)).hasValue(1);
        assertThat(LocalNode.find(DOC, "beta.lab.example", List.of(), a -> null)).as("labels removed").hasValue(1);
        assertThat(LocalNode.find(DOC, "alpha", List.of(), a -> null)).as("node names cut at the dot").hasValue(0);
        assertThat(LocalNode.find(DOC, "gamma", List.of(), a -> null)).as("ring0_addr as the name").hasValue(2);
        assertThat(LocalNode.find(DOC, "other", List.of("127.0.0.1", "198.19.100.2"), a -> null)).hasValue(1);
        assertThat(LocalNode.find(DOC, "other", List.of("192.0.2.7"), a -> a.equals("192.0.2.7") ? "gamma.lan" : null))
            .as("reverse name cut at the dot").hasValue(2);
        assertThat(LocalNode.find(DOC, "other", List.of("192.0.2.7"), a -> null)).isEmpty();
        assertThatThrownBy(() -> LocalNode.require(DOC, "other", List.of()))
            .hasMessage("l.conf: nodelist: parse error in config: No valid name found for local host");
    }
}
