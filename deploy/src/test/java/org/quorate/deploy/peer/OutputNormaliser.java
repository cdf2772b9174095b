package org.quorate.deploy.peer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes one stack's output comparable with the other's: each host's address (the two stacks run on
 * different Docker networks) becomes {@code <ip:alias>}, and what changes from run to run — times, ports,
 * ring ids, the last reply qnetd happened to send, host keys, fingerprints — becomes a placeholder. Everything else,
 * including the address family ({@code ::ffff:}) and the wording, is left as it is.
 */
public final class OutputNormaliser {
    private static final Map<Pattern, String> VOLATILE = new LinkedHashMap<>();

    static {
        // ISO and syslog-like times, ctime dates
        VOLATILE.put(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?"), "<time>");
        VOLATILE.put(Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                + " +\\d+ \\d{2}:\\d{2}:\\d{2} \\d{4}"), "<date>");
        VOLATILE.put(Pattern.compile("(<ip:[a-z0-9-]+>):\\d{2,5}\\b"), "$1:<port>"); // client ports; 5403 stays
        VOLATILE.put(Pattern.compile("(Ring ID:\\s+)\\S+"), "$1<ring>");
        // qnetd-tool's "Vote: LAST_SENT (LAST_ACK_NACK)": the first is the last reply of any kind and depends on
        // how many membership changes the run happened to have (ring 1.d vs 1.15: ACK vs No change); the
        // decision in brackets is compared
        VOLATILE.put(Pattern.compile("(Vote:\\s+)[A-Za-z ]+ \\("), "$1<last sent> (");
        VOLATILE.put(Pattern.compile("\\b(SHA256|MD5):[A-Za-z0-9+/=:]+"), "<fingerprint>");
        VOLATILE.put(Pattern.compile("\\b([0-9A-F]{2}:){15,}[0-9A-F]{2}\\b"), "<fingerprint>");
        VOLATILE.put(Pattern.compile("(ssh-(rsa|ed25519)|ecdsa-sha2-nistp\\d+) [A-Za-z0-9+/=]+"), "$1 <hostkey>");
        VOLATILE.put(Pattern.compile("\\(\\d+ ?ms\\)"), "(<ms>)");
        VOLATILE.put(Pattern.compile("\\bpid \\d+\\b"), "pid <pid>");
    }

    private final Map<String, String> addresses;

    /** {@code addresses}: IP address to host alias, for this stack. */
    public OutputNormaliser(Map<String, String> addresses) {
        this.addresses = Map.copyOf(addresses);
    }

    public String normalise(String output) {
        String s = output;
        // longest first, so 198.19.208.12 is not half-replaced by 198.19.208.1
        for (String ip : addresses.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            s = s.replace(ip, "<ip:" + addresses.get(ip) + ">");
        }
        for (Map.Entry<Pattern, String> e : VOLATILE.entrySet()) {
            s = e.getKey().matcher(s).replaceAll(e.getValue());
        }
        return Arrays.stream(s.split("\n")).map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    /** For {@link StepResult.Compare#UNORDERED}: the normalised lines, sorted. */
    public String normaliseUnordered(String output) {
        return Arrays.stream(normalise(output).split("\n")).filter(l -> !l.isBlank()).sorted()
                .collect(Collectors.joining("\n"));
    }
}
