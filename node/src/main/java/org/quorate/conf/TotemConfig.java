package org.quorate.conf;

import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code totem} section, typed: integers by {@link TotemKey} (defaults applied, a forbidden 0 read as
 * absent, as corosync does), the string settings with their 3.1.7 defaults, and the booleans corosync
 * compares literally ({@code yes}/{@code no}; {@code secauth} only {@code on}).
 */
public final class TotemConfig {
    /** totem.transport. */
    public enum Transport { KNET, UDPU, UDP }

    private final Map<TotemKey, Long> configured;
    private final Map<String, CmapEntry> strings;

    private TotemConfig(Map<TotemKey, Long> configured, Map<String, CmapEntry> strings) {
        this.configured = configured;
        this.strings = strings;
    }

    static TotemConfig of(ConfDocument doc) {
        Map<TotemKey, Long> configured = new EnumMap<>(TotemKey.class);
        for (TotemKey k : TotemKey.values()) {
            CmapEntry e = doc.entry(k.path());
            if (e != null && e.type().isInteger()) {
                long v = Long.parseUnsignedLong(e.value());
                if (v != 0 || k.zeroAllowed()) {
                    configured.put(k, v);
                }
            }
        }
        return new TotemConfig(configured, doc.cmapEntries());
    }

    /** The value of {@code key}: configured, else its default. */
    public long get(TotemKey key) {
        return configured.getOrDefault(key, key.defaultValue());
    }

    /** Whether {@code key} was given (and not as a 0 that corosync ignores). */
    public boolean configured(TotemKey key) {
        return configured.containsKey(key);
    }

    private String string(String key, String def) {
        CmapEntry e = strings.get("totem." + key);
        return e == null ? def : e.value();
    }

    public String clusterName() {
        return string("cluster_name", null);
    }

    /** The transport as written (validated by {@link CorosyncConfig}); knet when absent. */
    public String transportName() {
        return string("transport", "knet");
    }

    public Transport transport() {
        return switch (transportName()) {
            case "udpu" -> Transport.UDPU;
            case "udp" -> Transport.UDP;
            default -> Transport.KNET;
        };
    }

    /** ipv6-4 for knet and udpu, ipv4 for udp, unless set. */
    public String ipVersion() {
        return string("ip_version", transport() == Transport.UDP ? "ipv4" : "ipv6-4");
    }

    public String linkMode() {
        return string("link_mode", "passive");
    }

    public boolean secauth() {
        return "on".equals(string("secauth", "off"));
    }

    /** The cipher in force: as set, else aes256 when secauth is on, else none (3.1.x defaults). */
    public String cryptoCipher() {
        return string("crypto_cipher", secauth() ? "aes256" : "none");
    }

    public String cryptoHash() {
        return string("crypto_hash", secauth() ? "sha256" : "none");
    }

    public String cryptoModel() {
        return string("crypto_model", "nss");
    }

    public String keyfile() {
        return string("keyfile", "/etc/corosync/authkey");
    }

    public String knetCompressionModel() {
        return string("knet_compression_model", "none");
    }

    public boolean blockUnlistedIps() {
        return !"no".equals(string("block_unlisted_ips", "yes"));
    }

    public boolean cancelTokenHoldOnRetransmit() {
        return "yes".equals(string("cancel_token_hold_on_retransmit", "no"));
    }

    /** The effective netmtu: as set, else 65536 for knet and 1500 for udp/udpu. */
    public long netmtu() {
        return configured(TotemKey.NETMTU) ? get(TotemKey.NETMTU) : transport() == Transport.KNET ? 65536 : 1500;
    }
}
