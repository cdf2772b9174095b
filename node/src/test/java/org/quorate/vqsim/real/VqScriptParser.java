package org.quorate.vqsim.real;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the vqsim-language scripts of the differential scenarios. It is deliberately the subset the
 * scenarios use, strict where vqsim is lax (vqsim's {@code atoi} turns garbage into node 0; here a bad
 * token is an error naming the file and line), so a typo in a scenario cannot silently test nothing.
 */
final class VqScriptParser {
    /** One script line that is a command. */
    record Step(int line, String text, VqCommand command) {
    }

    private VqScriptParser() {
    }

    static List<Step> parse(String source, String text) {
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                VqCommand c = command(line.split("\\s+"));
                if (c != null) {
                    steps.add(new Step(i + 1, line, c));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage() + " in '" + line + "'", e);
            }
        }
        return List.copyOf(steps);
    }

    /** null for {@code exit}/{@code quit}: the script ends there. */
    private static VqCommand command(String[] t) {
        String word = t[0].toLowerCase(java.util.Locale.ROOT);
        return switch (word) {
            case "up" -> new VqCommand.Up(partitionLists(t, 1));
            case "down" -> new VqCommand.Down(nodes(t, 1));
            case "move", "split" -> new VqCommand.Move(partitionLists(t, 1));
            case "join" -> new VqCommand.Join(partitions(t));
            case "qdevice" -> new VqCommand.Qdevice(onOff(t), nodes(t, 2));
            case "autofence" -> new VqCommand.Autofence(onOff(t));
            case "sleep" -> new VqCommand.Sleep(seconds(arg(t, 1)));
            case "expected" -> new VqCommand.Expected(number(arg(t, 1)));
            case "votes" -> new VqCommand.Votes(number(arg(t, 1)), number(arg(t, 2)));
            case "reload" -> new VqCommand.Reload(Path.of(arg(t, 1)));
            case "show", "check", "timeout", "sync", "assert" -> new VqCommand.Passive(word);
            case "exit", "quit", "q" -> null;
            default -> throw new IllegalArgumentException("unknown command '" + t[0] + "'");
        };
    }

    private static Map<Integer, List<Long>> partitionLists(String[] t, int from) {
        if (t.length <= from) {
            throw new IllegalArgumentException("needs [partition:]node[,node...]");
        }
        Map<Integer, List<Long>> byPartition = new LinkedHashMap<>();
        for (int i = from; i < t.length; i++) {
            int colon = t[i].indexOf(':');
            int partition = colon < 0 ? 0 : (int) number(t[i].substring(0, colon));
            byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).addAll(nodeList(t[i].substring(colon + 1)));
        }
        byPartition.replaceAll((p, l) -> List.copyOf(l));
        return byPartition;
    }

    private static List<Long> nodes(String[] t, int from) {
        if (t.length <= from) {
            throw new IllegalArgumentException("needs node[,node...]");
        }
        List<Long> all = new ArrayList<>();
        for (int i = from; i < t.length; i++) {
            int colon = t[i].indexOf(':');
            all.addAll(nodeList(t[i].substring(colon + 1)));
        }
        return List.copyOf(all);
    }

    private static List<Long> nodeList(String csv) {
        List<Long> l = new ArrayList<>();
        for (String n : csv.split(",")) {
            long id = number(n);
            if (id < 1) {
                throw new IllegalArgumentException("node id must be >= 1, was " + n);
            }
            l.add(id);
        }
        return l;
    }

    private static List<Integer> partitions(String[] t) {
        if (t.length < 3) {
            throw new IllegalArgumentException("join needs at least two partition numbers");
        }
        List<Integer> l = new ArrayList<>();
        for (int i = 1; i < t.length; i++) {
            l.add((int) number(t[i]));
        }
        return List.copyOf(l);
    }

    private static boolean onOff(String[] t) {
        String v = arg(t, 1).toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("value must be 'on' or 'off', was '" + v + "'");
        };
    }

    private static String arg(String[] t, int i) {
        if (t.length <= i) {
            throw new IllegalArgumentException("missing argument " + i);
        }
        return t[i];
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + s + "'");
        }
    }

    private static Duration seconds(String s) {
        try {
            double d = Double.parseDouble(s);
            if (!(d >= 0) || d > 3600) {
                throw new IllegalArgumentException("sleep must be 0..3600 seconds, was " + s);
            }
            return Duration.ofMillis(Math.round(d * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number of seconds: '" + s + "'");
        }
    }
}
