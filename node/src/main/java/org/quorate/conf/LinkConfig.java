package org.quorate.conf;

/**
 * One knet link with its effective parameters (exec/totemconfig.c {@code configure_link_params} and
 * {@code calc_knet_ping_timers}): a configured 0 priority becomes 1, pong count defaults to 2 (knet's own
 * default is 5), ping timeout and interval follow the effective token unless set, port is 5405 + link
 * (5405 + 2 x link for udp broadcast).
 */
public record LinkConfig(int linkNumber, int priority, long pingInterval, long pingTimeout, long pingPrecision,
                         long pongCount, String knetTransport, int port, int ttl) {

    static LinkConfig of(ConfDocument doc, int link, TotemTimers timers, boolean broadcast) {
        String p = "totem.interface." + link + ".";
        long prio = number(doc, p + "knet_link_priority", 1);
        long pong = number(doc, p + "knet_pong_count", 2);
        long timeout = number(doc, p + "knet_ping_timeout", timers.tokenEff() / pong);
        long interval = number(doc, p + "knet_ping_interval", timers.tokenEff() / (pong * 2));
        long precision = number(doc, p + "knet_ping_precision", 2048);
        CmapEntry port = doc.entry(p + "mcastport");
        CmapEntry transport = doc.entry(p + "knet_transport");
        CmapEntry ttl = doc.entry(p + "ttl");
        return new LinkConfig(link, (int) prio, interval, timeout, precision, pong,
            transport == null ? "udp" : transport.value(),
            port != null ? Integer.parseInt(port.value()) : 5405 + (broadcast ? 2 * link : link),
            ttl == null ? 1 : Integer.parseInt(ttl.value()));
    }

    /** A configured 0 is treated as absent, as corosync's {@code if (!value) value = default} does. */
    private static long number(ConfDocument doc, String key, long def) {
        CmapEntry e = doc.entry(key);
        long v = e == null ? 0 : Long.parseLong(e.value());
        return v == 0 ? def : v;
    }
}
