package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfParserTest {
    private static ConfDocument parse(String text) {
        return ConfParser.parse("t.conf", text, Dialect.COROSYNC, UserDb.numericOnly());
    }

    private static ConfException refused(String text) {
        try {
            parse(text);
        } catch (ConfException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void flattensSectionsIntoDottedKeysWithTypes() {
        ConfDocument doc = parse("totem {\n\tversion: 2\n\ttoken: 03000\n\tcluster_name: a b:c\n}\n"
            + "quorum {\n provider: corosync_votequorum\n device {\n  votes: +1\n  net {\n   host: fe80::1\n  }\n }\n}\n");
        assertThat(doc.cmap()).containsExactly(
            java.util.Map.entry("quorum.device.net.host", "fe80::1"),
            java.util.Map.entry("quorum.device.votes", "1"),
            java.util.Map.entry("quorum.provider", "corosync_votequorum"),
            java.util.Map.entry("totem.cluster_name", "a b:c"),
            java.util.Map.entry("totem.token", "3000"),
            java.util.Map.entry("totem.version", "2"));
        assertThat(doc.entry("totem.token").type()).isEqualTo(CmapType.U32);
        assertThat(doc.entry("totem.token").line()).isEqualTo(3);
        assertThat(doc.entry("totem.cluster_name").cmapctlLine()).isEqualTo("totem.cluster_name (str) = a b:c");
    }

    @Test
    void numbersNodesInFileOrderAndInterfacesByLinknumber() {
        ConfDocument doc = parse("nodelist {\n node {\n  ring0_addr: 198.19.100.1\n  nodeid: 1\n }\n node {\n  nodeid: 2\n"
            + "  name: b\n }\n}\ntotem {\n interface {\n  linknumber: 1\n  knet_link_priority: 5\n  ringnumber: 9\n }\n"
            + " interface {\n  mcastport: 6000\n }\n}\n");
        assertThat(doc.cmap()).containsEntry("nodelist.node.0.ring0_addr", "198.19.100.1")
            .containsEntry("nodelist.node.0.nodeid", "1").containsEntry("nodelist.node.1.name", "b")
            .containsEntry("totem.interface.1.knet_link_priority", "5")
            .containsEntry("totem.interface.0.mcastport", "6000")
            // corosync 3 does not know ringnumber: stored verbatim, unnumbered; linknumber is not stored at all
            .containsEntry("totem.interface.ringnumber", "9")
            .doesNotContainKey("totem.interface.1.linknumber");
        assertThat(doc.entry("totem.interface.0.mcastport").type()).isEqualTo(CmapType.U16);
    }

    @Test
    void loggerSubsysIsKeyedBySubsysAndTheFirstRepeatWins() {
        ConfDocument doc = parse("logging {\n logger_subsys {\n  debug: on\n  subsys: QUORUM\n  debug: off\n }\n}\n");
        // qb_list_add pushes at the head, so the first of two repeats is stored last
        assertThat(doc.cmap()).containsEntry("logging.logger_subsys.QUORUM.debug", "on")
            .containsEntry("logging.logger_subsys.QUORUM.subsys", "QUORUM");
        assertThat(refused("logging {\n logger_subsys {\n  debug: on\n }\n}\n").getMessage())
            .isEqualTo("parser error: t.conf:4: No subsys key in logger_subsys directive");
    }

    @Test
    void aHashAfterAValueIsPartOfTheValue() {
        assertThat(refused("totem {\n token: 3000 # three seconds\n}\n").getMessage()).isEqualTo(
            "parser error: t.conf:2: Value of key \"totem.token\" is expected to be integer in range (0..4294967295),"
                + " but \"3000 # three seconds\" was given");
        assertThat(parse("totem {\n cluster_name: a # b\n}\n").cmap()).containsEntry("totem.cluster_name", "a # b");
    }

    @Test
    void grammarErrorsUseCorosyncsWording() {
        assertThat(refused("totem {\n version: 2\n").getMessage())
            .isEqualTo("parser error: t.conf:2: Missing closing brace");
        assertThat(refused("}\n").reason()).isEqualTo("Unexpected closing brace");
        assertThat(refused("totem { x\n}\n").reason()).isEqualTo("Extra characters after opening bracket '{'");
        assertThat(refused(" {\n}\n").reason()).isEqualTo("Missing section name before opening bracket '{'");
        assertThat(refused("totem {\n } x\n").reason()).isEqualTo("Extra characters before or after closing bracket '}'");
        assertThat(refused("totem {\n version 2\n}\n").reason())
            .isEqualTo("Line is not opening or closing section or key value");
        assertThat(refused("totem {\n cluster_name: " + "x".repeat(500) + "\n}\n").reason()).isEqualTo("Line too long");
        assertThat(refused("quorum {\n two_node: 256\n}\n").reason()).isEqualTo(
            "Value of key \"quorum.two_node\" is expected to be integer in range (0..255), but \"256\" was given");
        assertThat(refused("nodelist {\n node {\n  nodeid: x\n }\n}\n").key()).hasValue("nodelist.node.0.nodeid");
        assertThat(refused("totem {\n ip_version: ipv5\n}\n").reason()).isEqualTo("Invalid ip_version type");
        assertThat(refused("totem {\n knet_compression_model: none\n}\n").reason())
            .isEqualTo("Invalid compression model. Should be zlib, lz4, lz4hc, lzo2, lzma, bzip2 or zstd");
        assertThat(refused("a b: c\n").reason())
            .isEqualTo("Can't store key \"a b\" into icmap, returned error is CS_ERR_NAME_TOO_LONG");
    }

    @Test
    void sectionNamesMayEndInAColonAndLinesInCrLf() {
        ConfDocument doc = parse("totem: {\r\n\tversion:   2  \r\n}\r\n");
        assertThat(doc.cmap()).containsEntry("totem.version", "2");
        assertThat(doc.text()).isEqualTo("totem: {\r\n\tversion:   2  \r\n}\r\n");
    }

    @Test
    void configVersionIsUnsigned64BitAsStrtoullReadsIt() {
        assertThat(parse("totem {\n config_version: -1\n}\n").cmap())
            .containsEntry("totem.config_version", "18446744073709551615");
    }

    @Test
    void editsAreWrittenInCorosyncLayoutKeepingComments() {
        ConfDocument doc = parse("# top\ntotem {\n    version: 2\n\n    # why\n    config_version: 4\n}\n");
        assertThat(doc.bumpConfigVersion()).isEqualTo(5);
        assertThat(doc.text()).isEqualTo("# top\ntotem {\n\tversion: 2\n\n\t# why\n\tconfig_version: 5\n}\n");
        assertThat(doc.cmap()).containsEntry("totem.config_version", "5");
    }

    @Test
    void typoWarningsNameFileLineAndTheLikelyKey() {
        ConfDocument doc = parse("totem {\n version: 2\n tokn: 1000\n}\nquorum {\n two_nodes: 1\n}\nfoo {\n bar: 1\n}\n");
        assertThat(doc.warnings()).containsExactly(
            "t.conf:6: unknown key 'quorum.two_nodes' (did you mean 'quorum.two_node'?)",
            "t.conf:3: unknown key 'totem.tokn' (did you mean 'totem.token'?)");
        // unknown keys and sections are kept, as strings, like corosync keeps them
        assertThat(doc.cmap()).containsEntry("foo.bar", "1").containsEntry("totem.tokn", "1000")
            .containsEntry("quorum.two_nodes", "1");
        assertThat(doc.entry("quorum.two_nodes").type()).isEqualTo(CmapType.STRING);
        assertThat(parse("totem {\n interface {\n  ringnumber: 1\n }\n}\n").warnings()).containsExactly(
            "t.conf:3: 'ringnumber' is not read by corosync 3 (the interface is link 0; did you mean 'linknumber'?)");
    }
}
