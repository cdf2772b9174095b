package org.quorate.testsupport.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tc and iptables commands behind {@link NetnsLab}'s delay, loss and connection-drop faults, kept out of
 * the lab so its cut rules and these stay readable apart.
 *
 * <p>Delay is {@code tc netem} on both ends of a host's veth: the host's {@code ethN} (what it sends) and the
 * bridge-side {@code <host>-N} (what it receives), so each direction gets the delay, like the scenario seam's
 * {@code delay(node, oneWay)}. Delay towards one peer puts netem under an HTB class picked by a u32 filter
 * on the peer's addresses; everything else takes HTB's default class, unshaped.
 *
 * <p>Loss is {@code iptables -m statistic --mode random}: the same random per-packet drop as netem's
 * {@code loss}, without needing sch_netem, in a chain of its own that {@code heal} flushes.
 */
final class LinkShaping {
    static final String LOSS_CHAIN = "QLOSS";

    private LinkShaping() {
    }

    /** One shaped device: the namespace it lives in and its name. */
    record Device(String namespace, String name) {
        List<String> tc(String... args) {
            List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "tc"));
            argv.addAll(List.of(args));
            return argv;
        }

        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    /** The netem parameters: {@code delay D [J distribution normal]}, whole milliseconds. */
    static List<String> netem(Duration delay, Duration jitter) {
        if (delay.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("delay and jitter must be >= 0, were " + delay + " and " + jitter);
        }
        List<String> p = new ArrayList<>(List.of("netem", "delay", delay.toMillis() + "ms"));
        if (!jitter.isZero()) {
            p.addAll(List.of(jitter.toMillis() + "ms", "distribution", "normal"));
        }
        return p;
    }

    /** Every packet leaving {@code dev} is delayed. */
    static List<List<String>> delayAll(Device dev, Duration delay, Duration jitter) {
        List<String> replace = new ArrayList<>(List.of("qdisc", "replace", "dev", dev.name(), "root"));
        replace.addAll(netem(delay, jitter));
        return List.of(dev.tc(replace.toArray(String[]::new)));
    }

    /**
     * Only packets leaving {@code dev} whose {@code field} ("dst" on the host's side, "src" on the bridge's)
     * is one of {@code peerAddresses} are delayed.
     */
    static List<List<String>> delayTo(Device dev, String field, List<String> peerAddresses, Duration delay,
                                      Duration jitter) {
        List<List<String>> cmds = new ArrayList<>();
        cmds.add(dev.tc("qdisc", "replace", "dev", dev.name(), "root", "handle", "1:", "htb", "default", "1"));
        cmds.add(dev.tc("class", "add", "dev", dev.name(), "parent", "1:", "classid", "1:1", "htb", "rate", "10gbit"));
        cmds.add(dev.tc("class", "add", "dev", dev.name(), "parent", "1:", "classid", "1:2", "htb", "rate", "10gbit"));
        List<String> leaf = new ArrayList<>(List.of("qdisc", "add", "dev", dev.name(), "parent", "1:2", "handle", "20:"));
        leaf.addAll(netem(delay, jitter));
        cmds.add(dev.tc(leaf.toArray(String[]::new)));
        for (String addr : peerAddresses) {
            cmds.add(dev.tc("filter", "add", "dev", dev.name(), "parent", "1:", "protocol", "ip", "prio", "1", "u32",
                    "match", "ip", field, addr + "/32", "flowid", "1:2"));
        }
        return cmds;
    }

    /** Removes whatever root qdisc a fault put on {@code dev} (an error only means there was none). */
    static List<String> clear(Device dev) {
        return dev.tc("qdisc", "del", "dev", dev.name(), "root");
    }

    /** Runs tc commands in order; names sch_netem when the kernel lacks it (a prerequisite: fail, not skip). */
    static void apply(List<List<String>> commands) {
        if (Commands.which("tc") == null) {
            throw new IllegalStateException("tc is missing (searched " + Commands.PATH + "): install iproute2");
        }
        for (List<String> argv : commands) {
            ExecResult r = Commands.run(argv);
            if (!r.ok() && argv.contains("netem") && tryLoadNetem()) {
                r = Commands.run(argv);
            }
            if (!r.ok() && argv.contains("netem") && (r.stderr() + r.stdout()).contains("kind is unknown")) {
                throw new IllegalStateException("tc netem is unavailable: this kernel has no sch_netem qdisc "
                        + "(CONFIG_NET_SCH_NETEM, see /proc/config.gz) and it could not be loaded; ran "
                        + String.join(" ", argv) + ": " + r.stderr().strip());
            }
            r.requireOk();
        }
    }

    private static boolean tryLoadNetem() {
        return Commands.which("modprobe") != null && Commands.run("modprobe", "sch_netem").ok();
    }

    /** iptables arguments that drop {@code percent}% of packets at random. */
    static List<String> lossRule(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("loss percent must be 1..100, was " + percent);
        }
        return List.of("-A", LOSS_CHAIN, "-m", "statistic", "--mode", "random", "--probability",
                String.format(java.util.Locale.ROOT, "%.2f", percent / 100.0), "-j", "DROP");
    }
}
