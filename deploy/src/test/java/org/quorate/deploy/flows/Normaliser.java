package org.quorate.deploy.flows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes the outputs of two runs of one flow comparable: each stack runs on its own network with its own
 * addresses, keys and clocks. Host addresses become the host's name in angle brackets; then everything that
 * differs between any two runs of the same program (times, client ports, ring ids, serials, key material,
 * temporary names) becomes a placeholder. Nothing else is touched, so a real difference in wording stays.
 */
final class Normaliser {
    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /**
     * What certutil -N prints on stderr for the empty password file of the certificate scripts. The scripts'
     * progress lines go to stdout, and over ssh (pvecm, crmsh) the two streams interleave differently from
     * run to run: CI once saw it glued to "Importing CA" in the C run and on a line of its own in Quorate's.
     * Each occurrence moves to one line at the end, so how often it appears is compared but not where.
     */
    static final String NSS_EMPTY_PASSWORD = "password file contains no data";
    private static final Pattern NSS_EMPTY_PASSWORD_LINE =
            Pattern.compile("(?m)^" + Pattern.quote(NSS_EMPTY_PASSWORD) + "\\n?");

    static {
        rule("\\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d "
                + "\\d\\d:\\d\\d:\\d\\d( \\w+)? \\d{4}", "<date>");
        rule("\\b\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([+-]\\d\\d:?\\d\\d|Z)?", "<date>");
        rule("\\b\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\b", "<time>");
        rule("(Ring ID:\\s+)\\S+", "$1<ring>");
        rule("(<[a-z0-9-]+>|::ffff:<[a-z0-9-]+>):\\d+", "$1:<port>");
        rule("(?i)(serial(?: number)?[:= ]+)\\S+", "$1<serial>");
        rule("\\b[0-9A-F]{2}(:[0-9A-F]{2}){15,}\\b", "<fingerprint>");
        rule("\\b(SHA256|MD5):[A-Za-z0-9+/=:]+", "$1:<fingerprint>");
        rule("(ssh-(rsa|ed25519)|ecdsa-sha2-nistp\\d+) AAAA[A-Za-z0-9+/=]+", "$1 <key>");
        // qnetd-tool's "Vote: LAST_SENT (LAST_ACK_NACK)": the first is the last reply of any kind and depends on
        // how many membership changes the run happened to have (ACK vs No change); the decision in brackets is
        // compared
        rule("(Vote:\\s+)[A-Za-z ]+ \\(", "$1<last sent> (");
        rule("\\bpid \\d+\\b", "pid <pid>");
        rule("\\b[0-9A-F]{64,}\\b", "<hex>");
        rule("/tmp/tmp[\\w.-]+", "/tmp/<tmp>");
        rule("\\b\\d+(\\.\\d+)? ?(ms|s|seconds?)\\b", "<duration>");
        rule("(Heartbeat interval|Poll timer|Connected clusters|Connected clients):?\\s+\\d+", "$1 <n>");
    }

    private static void rule(String regex, String replacement) {
        RULES.put(Pattern.compile(regex), replacement);
    }

    private final Map<String, String> addresses = new LinkedHashMap<>();

    /** {@code hosts}: the run's hosts, whose addresses become {@code <name>}. */
    Normaliser(Iterable<FlowHost> hosts) {
        for (FlowHost h : hosts) {
            addresses.put(h.ip(), "<" + h.name + ">");
        }
    }

    /** {@code names}: address to host name. */
    Normaliser(Map<String, String> names) {
        names.forEach((ip, name) -> addresses.put(ip, "<" + name + ">"));
    }

    /** {@code text} without terminal colour codes. */
    static String plain(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    String apply(String text) {
        String out = ANSI.matcher(text.replace("\r", "")).replaceAll(""); // crmsh colours INFO/WARNING/ERROR
        for (var a : addresses.entrySet()) {
            out = out.replaceAll("(?<![\\d.])" + Pattern.quote(a.getKey()) + "(?![\\d])", a.getValue());
        }
        for (var r : RULES.entrySet()) {
            out = r.getKey().matcher(out).replaceAll(r.getValue());
        }
        return moveNssPasswordNoticesToTheEnd(out).strip();
    }

    private static String moveNssPasswordNoticesToTheEnd(String text) {
        int count = text.split(Pattern.quote(NSS_EMPTY_PASSWORD), -1).length - 1;
        if (count == 0) {
            return text;
        }
        String rest = NSS_EMPTY_PASSWORD_LINE.matcher(text).replaceAll("").replace(NSS_EMPTY_PASSWORD, "").strip();
        return rest + "\n(" + NSS_EMPTY_PASSWORD + ") x" + count;
    }
}
