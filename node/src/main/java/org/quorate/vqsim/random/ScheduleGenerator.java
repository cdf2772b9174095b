package org.quorate.vqsim.random;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.quorate.vqsim.reference.ReferenceCluster;

/**
 * The nemesis: from a seed alone (SplittableRandom, no clock, no engine feedback) it draws a valid
 * configuration and a schedule of faults, tracking its own model of which nodes run where so that every
 * command it writes is one the cluster can run. Faults: splits into 2 or 3 partitions, joins, kills,
 * restarts, the device on for one partition (an honest arbiter: it never casts for two partitions at
 * once), a device that stops polling, runtime expected/votes, reloads that add or remove nodes, and
 * sleeps that cross the last_man_standing window and the device timeouts.
 */
public final class ScheduleGenerator {
    private final SplittableRandom rnd;
    private final long seed;
    private TreeMap<String, String> cmap;
    private final TreeMap<Long, Long> nodes = new TreeMap<>();
    private final TreeSet<Long> up = new TreeSet<>();
    private final Map<Long, Integer> partition = new HashMap<>();
    private final TreeSet<Long> deviceOn = new TreeSet<>();
    private final Map<Path, Map<String, String>> variants = new LinkedHashMap<>();
    private boolean device;
    private long lmsWindow = 10_000, deviceTimeout = 10_000, syncTimeout = 30_000;

    public ScheduleGenerator(long seed) {
        this.seed = seed;
        this.rnd = new SplittableRandom(seed);
    }

    /** Draws the configuration and {@code steps} fault steps, plus a final calm step. */
    public Schedule generate(int steps) {
        drawConfig();
        Map<String, String> start = new TreeMap<>(cmap);
        nodes.keySet().forEach(id -> {
            up.add(id);
            partition.put(id, 0);
        });
        List<List<String>> out = new ArrayList<>();
        List<Boolean> admin = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            boolean[] isAdmin = new boolean[1];
            out.add(step(isAdmin));
            admin.add(isAdmin[0]);
        }
        // the faults stop: let every timer run out, so that S4 can ask the partitions to agree
        List<String> calm = new ArrayList<>();
        settleArbiter(calm);
        calm.add("sleep " + seconds(syncTimeout + lmsWindow + deviceTimeout + 1000));
        out.add(calm);
        admin.add(false);
        boolean twoNode = "1".equals(start.get("quorum.two_node"));
        return new Schedule(seed, start, variants, out, admin, twoNode);
    }

    // ---- configuration ----

    private void drawConfig() {
        for (int attempt = 0; ; attempt++) {
            TreeMap<String, String> c = candidate(attempt > 20);
            if (startable(c)) { // else draw again: the nemesis only starts what corosync would start
                cmap = c;
                return;
            }
        }
    }

    private TreeMap<String, String> candidate(boolean plain) {
        int n = 2 + rnd.nextInt(7);
        TreeMap<String, String> c = new TreeMap<>();
        c.put("totem.cluster_name", "vqsim");
        c.put("quorum.provider", "corosync_votequorum");
        nodes.clear();
        device = !plain && rnd.nextInt(10) < 3;
        boolean lms = false;
        for (long id = 1; id <= n; id++) {
            nodes.put(id, 1L);
        }
        if (device) {
            c.put("quorum.device.model", "net");
            deviceVotesAsPvecm(c, n);
            deviceTimeout = rnd.nextBoolean() ? 10_000 : 4_000;
            syncTimeout = rnd.nextBoolean() ? 30_000 : 8_000;
            c.put("quorum.device.timeout", String.valueOf(deviceTimeout));
            c.put("quorum.device.sync_timeout", String.valueOf(syncTimeout));
        } else if (!plain) {
            if (n == 2 && rnd.nextInt(10) < 5) {
                c.put("quorum.two_node", "1");
            }
            if (rnd.nextInt(4) == 0) {
                lms = true;
                c.put("quorum.last_man_standing", "1");
                lmsWindow = rnd.nextBoolean() ? 10_000 : 3_000;
                c.put("quorum.last_man_standing_window", String.valueOf(lmsWindow));
            }
            if (rnd.nextInt(4) == 0) {
                c.put("quorum.auto_tie_breaker", "1");
                int kind = rnd.nextInt(3);
                if (kind == 1) {
                    c.put("quorum.auto_tie_breaker_node", "highest");
                } else if (kind == 2) {
                    c.put("quorum.auto_tie_breaker_node", (1 + rnd.nextInt(n)) + " " + (1 + rnd.nextInt(n)));
                }
            }
            if (rnd.nextInt(20) == 0) {
                c.put("quorum.allow_downscale", "1");
            }
        }
        if (!plain && rnd.nextInt(10) < 3) {
            c.put("quorum.wait_for_all", rnd.nextInt(4) == 0 ? "0" : "1");
        }
        if (!plain && !lms && !device && rnd.nextInt(10) < 3) {
            nodes.put(1L + rnd.nextInt(n), 2L + rnd.nextInt(2));
        }
        writeNodelist(c);
        if (!plain && rnd.nextInt(10) == 0) {
            long sum = nodes.values().stream().mapToLong(Long::longValue).sum();
            c.put("quorum.expected_votes", String.valueOf(sum + rnd.nextInt(2)));
        }
        return c;
    }

    private void writeNodelist(TreeMap<String, String> c) {
        c.keySet().removeIf(k -> k.startsWith("nodelist."));
        int pos = 0;
        for (Map.Entry<Long, Long> e : nodes.entrySet()) {
            c.put("nodelist.node." + pos + ".nodeid", String.valueOf(e.getKey()));
            c.put("nodelist.node." + pos + ".ring0_addr", "198.18.1." + e.getKey());
            if (e.getValue() != 1) {
                c.put("nodelist.node." + pos + ".quorum_votes", String.valueOf(e.getValue()));
            }
            pos++;
        }
    }

    // ---- steps ----

    private List<String> step(boolean[] admin) {
        while (true) {
            int roll = rnd.nextInt(100);
            List<String> s;
            if (roll < 20) {
                s = split();
            } else if (roll < 34) {
                s = join();
            } else if (roll < 44) {
                s = kill();
            } else if (roll < 56) {
                s = restart();
            } else if (roll < 66) {
                s = device ? qdevice() : null;
            } else if (roll < 71) {
                s = expected();
                admin[0] = s != null;
            } else if (roll < 75) {
                s = votes();
                admin[0] = s != null;
            } else if (roll < 81) {
                s = reload(admin);
            } else {
                s = List.of("sleep " + seconds(sleepMillis()));
            }
            if (s != null) {
                return s;
            }
        }
    }

    private List<String> split() {
        if (up.size() < 2) {
            return null;
        }
        int k = 2 + rnd.nextInt(2);
        List<Long> ids = new ArrayList<>(up);
        Map<Integer, List<Long>> groups = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            // the first k nodes (shuffled by the draw below) seed distinct partitions
            int p = i < k ? i : rnd.nextInt(k);
            groups.computeIfAbsent(p, x -> new ArrayList<>()).add(ids.get(i));
        }
        // shuffle which nodes seed which partition
        List<Long> shuffled = new ArrayList<>(ids);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Long t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        Map<Long, Long> rename = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            rename.put(ids.get(i), shuffled.get(i));
        }
        StringBuilder move = new StringBuilder("move");
        for (Map.Entry<Integer, List<Long>> g : groups.entrySet()) {
            List<Long> members = g.getValue().stream().map(rename::get).sorted().collect(Collectors.toList());
            members.forEach(id -> partition.put(id, g.getKey()));
            move.append(' ').append(g.getKey()).append(':').append(join(members));
        }
        List<String> out = new ArrayList<>();
        out.add(move.toString());
        honestArbiter(out);
        return out;
    }

    private List<String> join() {
        TreeSet<Integer> parts = up.stream().map(partition::get).collect(Collectors.toCollection(TreeSet::new));
        if (parts.size() < 2) {
            return null;
        }
        int target = parts.first();
        up.forEach(id -> partition.put(id, target));
        List<String> out = new ArrayList<>();
        out.add("join " + parts.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        honestArbiter(out);
        return out;
    }

    private List<String> kill() {
        if (up.isEmpty()) {
            return null;
        }
        long id = pick(up);
        up.remove(id);
        deviceOn.remove(id);
        return List.of("down " + id);
    }

    private List<String> restart() {
        List<Long> down = nodes.keySet().stream().filter(id -> !up.contains(id)).collect(Collectors.toList());
        if (down.isEmpty()) {
            return null;
        }
        long id = down.get(rnd.nextInt(down.size()));
        TreeSet<Integer> parts = up.stream().map(partition::get).collect(Collectors.toCollection(TreeSet::new));
        int p = parts.isEmpty() ? 0 : new ArrayList<>(parts).get(rnd.nextInt(parts.size()));
        up.add(id);
        partition.put(id, p);
        return List.of("up " + p + ":" + id);
    }

    private List<String> qdevice() {
        if (up.isEmpty()) {
            return null;
        }
        int p = partition.get(pick(up));
        List<Long> inP = up.stream().filter(id -> partition.get(id) == p).collect(Collectors.toList());
        List<String> out = new ArrayList<>();
        if (rnd.nextInt(3) == 0) {
            // a device that withholds its vote and then stops polling
            List<Long> on = inP.stream().filter(deviceOn::contains).collect(Collectors.toList());
            if (on.isEmpty()) {
                return null;
            }
            deviceOn.removeAll(on);
            out.add("qdevice off " + join(on));
            return out;
        }
        List<Long> elsewhere = deviceOn.stream().filter(id -> partition.get(id) != p).collect(Collectors.toList());
        if (!elsewhere.isEmpty()) {
            deviceOn.removeAll(elsewhere);
            out.add("qdevice off " + join(elsewhere));
        }
        deviceOn.addAll(inP);
        out.add("qdevice on " + join(inP));
        return out;
    }

    /** After a membership change, the arbiter keeps casting only for the partition with most of its voters. */
    private void honestArbiter(List<String> out) {
        Map<Integer, Long> count = deviceOn.stream().collect(Collectors.groupingBy(partition::get, TreeMap::new, Collectors.counting()));
        if (count.size() < 2) {
            return;
        }
        int winner = count.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        List<Long> losers = deviceOn.stream().filter(id -> partition.get(id) != winner).collect(Collectors.toList());
        deviceOn.removeAll(losers);
        out.add("qdevice off " + join(losers));
    }

    /**
     * At the end the arbiter settles as qnetd does: it casts for every node of one partition (the one
     * where most of its voters are) and for no other node, so that S4 compares like with like.
     */
    private void settleArbiter(List<String> out) {
        if (deviceOn.isEmpty()) {
            return;
        }
        Map<Integer, Long> count = deviceOn.stream().collect(Collectors.groupingBy(partition::get, TreeMap::new, Collectors.counting()));
        int winner = count.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        List<Long> losers = deviceOn.stream().filter(id -> partition.get(id) != winner).collect(Collectors.toList());
        if (!losers.isEmpty()) {
            out.add("qdevice off " + join(losers));
        }
        List<Long> winners = up.stream().filter(id -> partition.get(id) == winner).collect(Collectors.toList());
        out.add("qdevice on " + join(winners));
    }

    private List<String> expected() {
        if (up.isEmpty()) {
            return null;
        }
        long on = pick(up);
        long present = up.stream().filter(id -> partition.get(id).equals(partition.get(on))).mapToLong(nodes::get).sum();
        return List.of("expected " + (1 + rnd.nextInt((int) present + 3)) + " " + on);
    }

    private List<String> votes() {
        if (up.isEmpty()) {
            return null;
        }
        long on = pick(up);
        return List.of("votes " + on + " " + rnd.nextInt(4));
    }

    private List<String> reload(boolean[] admin) {
        List<Long> down = nodes.keySet().stream().filter(id -> !up.contains(id)).collect(Collectors.toList());
        TreeMap<Long, Long> before = new TreeMap<>(nodes);
        boolean add = nodes.size() < 8 && (down.isEmpty() || nodes.size() < 3 || rnd.nextBoolean());
        if (add) {
            nodes.put(nodes.lastKey() + 1, 1L);
        } else if (!down.isEmpty() && nodes.size() > 2) {
            nodes.remove(down.get(rnd.nextInt(down.size())));
            admin[0] = true;
        } else {
            return null;
        }
        TreeMap<String, String> next = new TreeMap<>(cmap);
        writeNodelist(next);
        if (device) {
            deviceVotesAsPvecm(next, nodes.size());
        }
        if (next.containsKey("quorum.expected_votes")) {
            // an administrator who set expected_votes keeps it at the new nodelist's votes; left as it was,
            // a 2+1+1-vote cluster with expected_votes 3 has quorum 2 on both sides of a 2:2 split
            next.put("quorum.expected_votes", String.valueOf(nodes.values().stream().mapToLong(Long::longValue).sum()));
        }
        if (!startable(next)) {
            nodes.clear();
            nodes.putAll(before);
            return null;
        }
        cmap = next;
        Path file = Path.of("seed-" + seed + "-variant-" + (variants.size() + 1) + ".conf");
        variants.put(file, new TreeMap<>(cmap));
        return List.of("reload " + file);
    }

    /**
     * The device votes as {@code pvecm qdevice setup} writes them, redone after every node-count change
     * (§6.7): votes 1 (ffsplit) for an even node count, none (the automatic N-1, lms) for an odd one. An
     * explicit vote of 1 with an odd count lets a 2:1 split make both sides quorate in corosync itself
     * (expected 3, quorum 2): a misconfiguration, not a fault the nemesis should inject.
     */
    private static void deviceVotesAsPvecm(Map<String, String> c, int nodeCount) {
        if (nodeCount % 2 == 0) {
            c.put("quorum.device.votes", "1");
        } else {
            c.remove("quorum.device.votes");
        }
    }

    /** A reload must leave a configuration that a restarted node can start with. */
    private static boolean startable(Map<String, String> c) {
        try (ReferenceCluster r = new ReferenceCluster(c, p -> null)) {
            r.up(0, r.configuredNodes());
            return true;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    private long sleepMillis() {
        switch (rnd.nextInt(6)) {
            case 0: return 300;
            case 1: return 1700;
            case 2: return lmsWindow + 500;
            case 3: return deviceTimeout + 500;
            case 4: return syncTimeout + 500;
            default: return 2500;
        }
    }

    private long pick(TreeSet<Long> set) {
        List<Long> l = new ArrayList<>(set);
        return l.get(rnd.nextInt(l.size()));
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
    }

}
