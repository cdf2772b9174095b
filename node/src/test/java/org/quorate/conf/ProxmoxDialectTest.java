package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProxmoxDialectTest {
    private static final Path VALID = CorpusRoundTripTest.CORPUS.resolve("valid");

    @Test
    void whatPvecmWritesIsDetectedAsProxmoxAndTheRestAsCorosync() throws IOException {
        for (Path f : CorpusRoundTripTest.valid()) {
            String name = f.getFileName().toString();
            Dialect expected = name.startsWith("pvecm-") || name.startsWith("pve-test-") ? Dialect.PROXMOX : Dialect.COROSYNC;
            assertThat(ConfParser.parse(f).dialect()).as(name).isEqualTo(expected);
        }
        assertThat(ConfParser.parse("/etc/pve/corosync.conf", "totem {\n\tversion: 2\n}\n").dialect())
            .isEqualTo(Dialect.PROXMOX);
    }

    @Test
    void proxmoxsReaderRefusesWhatItCannotReadWithItsOwnWords() {
        assertThat(refusal("totem {\n  token : 3000\n}\n")).isEqualTo("missing ':' after key 'token'");
        assertThat(refusal("quorum {\n  auto_tie_breaker_node: 1 3 5\n}\n")).isEqualTo("missing ':' after key '3'");
        assertThat(refusal("quorum {\n}\nquorum {\n}\n"))
            .isEqualTo("section 'quorum' already exists and not marked as array!");
        // parse_conf takes the next token whatever it is, and never checks for unclosed sections at the end
        assertThat(refusal("totem {\n  version:\n}\n")).isNull();
        assertThat(((ProxmoxFormat.Section) ProxmoxFormat.read("x", "totem {\n  version:\n}\n").entries.get("totem"))
            .entries.get("version")).isEqualTo("}");
        assertThat(refusal("totem {\n  version:")).isEqualTo("parse error - no value for 'version'");
    }

    private static String refusal(String text) {
        try {
            ProxmoxFormat.read("/etc/pve/corosync.conf", text);
            return null;
        } catch (ConfException e) {
            return e.reason();
        }
    }

    @Test
    void proxmoxsReaderStripsCommentsAnywhereAndKeysNodesByName() {
        ProxmoxFormat.Section s = ProxmoxFormat.read("x", "totem { # the ring\n  token: 3000 # three seconds\n"
            + "  interface {\n    ringnumber: 1\n  }\n}\nnodelist {\n  node {\n    ring0_addr: b\n  }\n  node {\n"
            + "    name: a\n  }\n}\n");
        ProxmoxFormat.Section totem = (ProxmoxFormat.Section) s.entries.get("totem");
        assertThat(totem.entries.get("token")).isEqualTo("3000");
        assertThat(new java.util.ArrayList<Object>(((java.util.Map<?, ?>) totem.entries.get("interface")).keySet())).containsExactly("1");
        assertThat(new java.util.ArrayList<Object>(((java.util.Map<?, ?>) ((ProxmoxFormat.Section) s.entries.get("nodelist")).entries.get("node")).keySet()))
            .containsExactly("a", "b");
    }

    @Test
    void anEditedProxmoxFileIsWrittenInPvecmsCanonicalForm() throws IOException {
        Path f = VALID.resolve("pvecm-add-2nodes.conf");
        ConfDocument doc = ConfParser.parse(f);
        ConfSection nodelist = doc.root().section("nodelist").orElseThrow();
        // pvecm addnode's entry for a third node; written sorted by node name and key
        nodelist.addSection("node").set("ring0_addr", "192.0.2.13").set("nodeid", "3").set("name", "pve0")
            .set("quorum_votes", "1");
        doc.bumpConfigVersion();
        String text = doc.text();
        assertThat(text).isEqualTo(Files.readString(f)
            .replace("config_version: 2", "config_version: 3")
            .replace("nodelist {\n", "nodelist {\n  node {\n    name: pve0\n    nodeid: 3\n    quorum_votes: 1\n"
                + "    ring0_addr: 192.0.2.13\n  }\n"));
        assertThat(Dialect.detect("x", text)).isEqualTo(Dialect.PROXMOX);
    }

    @Test
    void commentsAreLostInTheProxmoxFormAndKeptInCorosyncs() {
        String text = "# cluster\ntotem {\n\t# v\n\tversion: 2\n\tconfig_version: 1\n}\n";
        ConfDocument pve = ConfParser.parse("/etc/pve/corosync.conf", text);
        pve.bumpConfigVersion();
        assertThat(pve.text()).isEqualTo("nodelist {\n}\n\ntotem {\n  config_version: 2\n  interface {\n  }\n"
            .replace("  interface {\n  }\n", "") + "  version: 2\n}\n\n");
        ConfDocument coro = ConfParser.parse("/etc/corosync/corosync.conf", text, Dialect.COROSYNC, UserDb.numericOnly());
        coro.bumpConfigVersion();
        assertThat(coro.text()).isEqualTo("# cluster\ntotem {\n\t# v\n\tversion: 2\n\tconfig_version: 2\n}\n");
    }

    @Test
    void aProxmoxFileWithoutConfigVersionCannotBeBumped() {
        ConfDocument pve = ConfParser.parse("/etc/pve/corosync.conf", "totem {\n  version: 2\n}\n");
        assertThatThrownBy(pve::bumpConfigVersion).isInstanceOf(ConfException.class)
            .hasMessageContaining("invalid corosync config: unable to read config version");
    }

    @Test
    void aValueProxmoxCannotHoldIsRefusedOnWrite() {
        ConfDocument pve = ConfParser.parse("/etc/pve/corosync.conf", "totem {\n  version: 2\n  config_version: 1\n}\n");
        pve.root().section("totem").orElseThrow().set("cluster_name", "two words");
        assertThatThrownBy(pve::text).isInstanceOf(ConfException.class)
            .hasMessageContaining("cannot be written in the Proxmox dialect");
    }
}
