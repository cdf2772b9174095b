package org.quorate.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random documents (sections, repeated keys, comments, blank lines, values with spaces, colons and
 * '#'): written in corosync's layout they read back to the same cmap and the same layout; values Proxmox can
 * hold round-trip through its canonical form too.
 */
class CanonicalFormPropertyTest {
    private static final List<String> SECTIONS = List.of("totem", "quorum", "logging", "nodelist", "node", "device",
        "net", "interface", "foo", "system");
    private static final List<String> KEYS = List.of("cluster_name", "name", "host", "mode", "alpha", "b_c", "x-y", "path/p",
        "debug", "model");
    private static final List<String> VALUES = List.of("on", "off", "fe80::1", "1 3 5", "a # b", "x:y:z", "/var/log/c.log",
        "192.0.2.1", "", "v");

    @Test
    void corosyncLayoutIsAFixedPointThatKeepsTheKeys() {
        for (long seed = 1; seed <= 500; seed++) {
            Random r = new Random(seed);
            ConfDocument doc = ConfParser.parse("p.conf", "", Dialect.COROSYNC, UserDb.numericOnly());
            fill(doc.root(), r, 0, true);
            String text = doc.text();
            ConfDocument again = ConfParser.parse("p.conf", text, Dialect.COROSYNC, UserDb.numericOnly());
            assertThat(again.cmap()).as("seed %d:\n%s", seed, text).isEqualTo(doc.cmap());
            again.root().addComment("# edited");
            assertThat(again.text()).as("seed %d", seed).isEqualTo(text + "# edited\n");
        }
    }

    @Test
    void proxmoxFormIsAFixedPoint() {
        for (long seed = 1; seed <= 500; seed++) {
            Random r = new Random(seed);
            ConfDocument doc = ConfParser.parse("/etc/pve/corosync.conf", "totem {\n  config_version: 1\n}\n",
                Dialect.PROXMOX, UserDb.numericOnly());
            fill(doc.root(), r, 0, false);
            doc.bumpConfigVersion(); // an edit, so the canonical form is written
            String text = doc.text();
            assertThat(Dialect.detect("p.conf", text)).as("seed %d:\n%s", seed, text).isEqualTo(Dialect.PROXMOX);
            ConfDocument again = ConfParser.parse("/etc/pve/corosync.conf", text, Dialect.PROXMOX, UserDb.numericOnly());
            again.bumpConfigVersion();
            assertThat(again.text()).isEqualTo(text.replace("config_version: 2\n", "config_version: 3\n"));
        }
    }

    private static void fill(ConfSection s, Random r, int depth, boolean anyValue) {
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(depth < 3 ? 5 : 3)) {
                case 0 -> {
                    String v = VALUES.get(r.nextInt(VALUES.size()));
                    if (anyValue || v.matches("[^\\s#]+")) {
                        s.set(KEYS.get(r.nextInt(KEYS.size())), v);
                    }
                }
                case 1 -> {
                    if (anyValue) {
                        s.addComment("# note " + r.nextInt(100));
                    }
                }
                case 2 -> s.set(KEYS.get(r.nextInt(KEYS.size())), "k" + r.nextInt(10));
                default -> {
                    String name = SECTIONS.get(r.nextInt(SECTIONS.size()));
                    if (anyValue || !s.section(name).isPresent() || name.equals("node") || name.equals("interface")) {
                        fill(s.addSection(name), r, depth + 1, anyValue);
                    }
                }
            }
        }
    }
}
