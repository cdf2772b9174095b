package org.quorate.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a corpus file for the parser differential: every unicast IPv4 address (loopback and multicast
 * stay) and every host name used as a ring address becomes a lab address in 198.18.200.0/22, in order of
 * first appearance, so the real corosync can run with it in a namespace. Both parsers then read the same
 * rewritten text. The local node is the first of the nodelist (or, without a nodelist, the interfaces'
 * bindnetaddr): its addresses go on the namespace's interface and its name becomes the namespace's host name.
 */
record LabAddressRewrite(String text, List<String> localAddresses, String hostName) {
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern RING_NAME = Pattern.compile("(?m)^([ \\t]*ring\\d+_addr[ \\t]*:[ \\t]*)([A-Za-z][A-Za-z0-9.-]*)([ \\t]*)$");

    static LabAddressRewrite of(String original) {
        Map<String, String> map = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder();
        Matcher m = IPV4.matcher(original);
        while (m.find()) {
            int first = Integer.parseInt(m.group(1));
            String replacement = first == 127 || first >= 224 || first == 0 ? m.group() : map.computeIfAbsent(m.group(), k -> lab(map.size()));
            m.appendReplacement(sb, replacement);
        }
        m.appendTail(sb);
        Matcher n = RING_NAME.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (n.find()) {
            String addr = map.computeIfAbsent("name:" + n.group(2), k -> lab(map.size()));
            n.appendReplacement(out, Matcher.quoteReplacement(n.group(1) + addr + n.group(3)));
        }
        n.appendTail(out);
        String text = out.toString();
        ConfDocument doc = ConfParser.parse("rewritten", text, Dialect.COROSYNC, UserDb.system());
        List<String> local = new ArrayList<>();
        String host = "";
        for (Map.Entry<String, String> e : doc.cmap().entrySet()) {
            String k = e.getKey();
            if (k.matches("nodelist\\.node\\.0\\.ring\\d+_addr") || !doc.cmap().containsKey("nodelist.node.0.ring0_addr")
                && k.matches("totem\\.interface\\.\\d+\\.bindnetaddr")) {
                if (e.getValue().startsWith("198.18.")) {
                    local.add(e.getValue());
                }
            }
            if (k.equals("nodelist.node.0.name")) {
                host = e.getValue();
            }
        }
        return new LabAddressRewrite(text, local, host.matches("[A-Za-z0-9.-]{1,63}") ? host : "");
    }

    private static String lab(int index) {
        int n = index + 1;
        return "198.18." + (200 + n / 256) + "." + (n % 256);
    }
}
