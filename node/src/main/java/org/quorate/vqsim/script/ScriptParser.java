package org.quorate.vqsim.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses vqsim's command language (corosync vqsim/parser.c): words split on spaces, command names
 * case-insensitive, {@code #} at the start of a line is a comment, empty lines are ignored. Where vqsim
 * reads numbers with {@code atoi} and silently takes garbage as 0, this parser refuses the line and names
 * it: a simulator script that means something else than it says is worse than one that stops.
 */
public final class ScriptParser {
    /** vqsim's MAX_PARTITIONS. */
    public static final int MAX_PARTITIONS = 16;
    /** vqsim's MAX_NODES (per list). */
    public static final int MAX_NODES = 1024;
    /** A line longer than vqsim's input buffer is refused. */
    public static final int MAX_LINE = 1024;

    private final String source;
    private final Path baseDir;

    /**
     * @param source the name used in error messages (a file name or "stdin")
     * @param baseDir the directory that relative {@code reload} paths are resolved against
     */
    public ScriptParser(String source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir;
    }

    /** Parses a whole script. */
    public List<ScriptLine> parse(Reader in) throws IOException {
        List<ScriptLine> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        String text;
        int n = 0;
        while ((text = r.readLine()) != null) {
            n++;
            Command c = parseLine(n, text);
            if (c != null) {
                out.add(new ScriptLine(n, c));
            }
        }
        return out;
    }

    /** Parses one line; null for a comment or an empty line. */
    public Command parseLine(int line, String raw) {
        if (raw.length() > MAX_LINE) {
            throw error(line, "line longer than " + MAX_LINE + " characters");
        }
        String text = raw.strip();
        if (text.isEmpty() || raw.startsWith("#") || text.startsWith("#")) {
            return null;
        }
        String[] w = text.split("[ \t]+");
        String name = w[0].toLowerCase(Locale.ROOT);
        switch (name) {
            case "up":
                return new Command.Up(text, partitionLists(line, w, 1, 0));
            case "down":
                return new Command.Down(text, nodes(line, w, 1, true));
            case "move":
            case "split":
                return new Command.Move(text, partitionLists(line, w, 1, 1));
            case "join":
                if (w.length < 3) {
                    throw error(line, "join needs at least two partition numbers");
                }
                List<Integer> parts = new ArrayList<>();
                for (int i = 1; i < w.length; i++) {
                    parts.add(partition(line, w[i]));
                }
                return new Command.Join(text, parts);
            case "qdevice":
                if (w.length < 2) {
                    throw error(line, "qdevice should be 'on' or 'off'");
                }
                boolean on = onOff(line, w[1], "qdevice should be 'on' or 'off'");
                List<Long> qd = new ArrayList<>();
                partitionLists(line, w, 2, 1).values().forEach(qd::addAll);
                return new Command.Qdevice(text, on, qd);
            case "autofence":
                return new Command.Autofence(text, onOff(line, arg(line, w, 1, "autofence on|off"), "autofence value must be 'on' or 'off'"));
            case "sync":
                return new Command.Sync(text, onOff(line, arg(line, w, 1, "sync on|off"), "sync value must be 'on' or 'off'"));
            case "assert":
                return new Command.Assert(text, onOff(line, arg(line, w, 1, "assert on|off"), "assert value must be 'on' or 'off'"));
            case "timeout":
                return new Command.Timeout(text, Duration.ofMillis(number(line, arg(line, w, 1, "timeout MS"), "timeout", 0, 86_400_000L)));
            case "sleep":
                return new Command.Sleep(text, seconds(line, arg(line, w, 1, "sleep SECONDS")));
            case "show":
                return new Command.Show(text);
            case "help":
                return new Command.Help(text);
            case "exit":
            case "quit":
            case "q":
                return new Command.Exit(text);
            case "expected":
                long e = number(line, arg(line, w, 1, "expected N [NODE]"), "expected votes", 1, Integer.MAX_VALUE);
                Long on1 = w.length > 2 ? nodeId(line, w[2]) : null;
                extra(line, w, 3);
                return new Command.Expected(text, e, on1);
            case "votes":
                long node = nodeId(line, arg(line, w, 1, "votes NODE N [ON]"));
                long v = number(line, arg(line, w, 2, "votes NODE N [ON]"), "votes", 0, Integer.MAX_VALUE);
                Long on2 = w.length > 3 ? nodeId(line, w[3]) : null;
                extra(line, w, 4);
                return new Command.Votes(text, node, v, on2);
            case "reload":
                String f = arg(line, w, 1, "reload FILE");
                extra(line, w, 2);
                return new Command.Reload(text, baseDir.resolve(f));
            case "check":
                extra(line, w, 1);
                return new Command.Check(text);
            default:
                throw error(line, "unknown command \"" + w[0] + "\" (try 'help')");
        }
    }

    private Map<Integer, List<Long>> partitionLists(int line, String[] w, int from, int min) {
        if (w.length - from < min) {
            throw error(line, w[0] + " needs [<partition>:]<nodeid>[,<nodeid>...]");
        }
        Map<Integer, List<Long>> out = new LinkedHashMap<>();
        for (int i = from; i < w.length; i++) {
            String item = w[i];
            int colon = item.indexOf(':');
            int p = 0;
            if (colon >= 0) {
                p = partition(line, item.substring(0, colon));
                item = item.substring(colon + 1);
            }
            out.computeIfAbsent(p, k -> new ArrayList<>()).addAll(nodeList(line, item));
        }
        return out;
    }

    private List<Long> nodes(int line, String[] w, int from, boolean required) {
        if (required && w.length <= from) {
            throw error(line, w[0] + " needs <nodeid>[,<nodeid>...]");
        }
        List<Long> out = new ArrayList<>();
        for (int i = from; i < w.length; i++) {
            out.addAll(nodeList(line, w[i]));
        }
        return out;
    }

    private List<Long> nodeList(int line, String list) {
        String[] ids = list.split(",", -1);
        if (ids.length > MAX_NODES) {
            throw error(line, "more than " + MAX_NODES + " node ids in \"" + list + "\"");
        }
        List<Long> out = new ArrayList<>();
        for (String id : ids) {
            out.add(nodeId(line, id));
        }
        return out;
    }

    private long nodeId(int line, String s) {
        return number(line, s, "node id", 1, 0xFFFF_FFFFL);
    }

    private int partition(int line, String s) {
        return (int) number(line, s, "partition", 0, MAX_PARTITIONS - 1);
    }

    private long number(int line, String s, String what, long min, long max) {
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException ex) {
            throw error(line, what + " \"" + s + "\" is not a number");
        }
        if (v < min || v > max) {
            throw error(line, what + " " + v + " is out of range " + min + ".." + max);
        }
        return v;
    }

    private Duration seconds(int line, String s) {
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException ex) {
            throw error(line, "sleep \"" + s + "\" is not a number of seconds");
        }
        if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(86_400L * 365)) > 0) {
            throw error(line, "sleep " + s + " is out of range 0..31536000 seconds");
        }
        return Duration.ofNanos(d.movePointRight(9).longValue());
    }

    private boolean onOff(int line, String s, String message) {
        if (s.equalsIgnoreCase("on")) {
            return true;
        }
        if (s.equalsIgnoreCase("off")) {
            return false;
        }
        throw error(line, message);
    }

    private String arg(int line, String[] w, int i, String usage) {
        if (w.length <= i) {
            throw error(line, "usage: " + usage);
        }
        return w[i];
    }

    private void extra(int line, String[] w, int max) {
        if (w.length > max) {
            throw error(line, "unexpected \"" + w[max] + "\"");
        }
    }

    private ScriptException error(int line, String message) {
        return new ScriptException(source, line, message);
    }

    /** vqsim's help text (parser.c do_usage), with Quorate's additions after it. */
    public static String usage() {
        return String.join("\n",
                "  All node IDs in the cluster are unique and belong to a numbered 'partition' (default=0)",
                "",
                "up         [<partition>:][<nodeid>[,<nodeid>] ...] [[<partition>:][<nodeid>...]] [...]",
                "           bring node(s) online in the specified partition(s)",
                "down       <nodeid>,[<nodeid>...]",
                "           send nodes offline (shut them down)",
                "move/split [<partition>:][<nodeid>[,<nodeid>] ...] [[<partition>:][<nodeid>...]] [...]",
                "           Move nodes from one partition to another (netsplit)",
                "           <partition> here is the partition to move the nodes to",
                "join       <partition> <partition> [<partition>] ... ",
                "           Join partitions together (reverse of a netsplit)",
                "qdevice    on|off [<partition>:][<nodeid>[,<nodeid>] ...] [[<partition>:][<nodeid>...]] [...]",
                "           Enable quorum device in specified nodes",
                "autofence  on|off",
                "           automatically 'down' nodes on inquorate side on netsplit",
                "timeout    <n> (default 250)",
                "           Wait a maximum of <n> milli-seconds for the next command to complete.",
                "sync       on|off (default on)",
                "           enable/disable synchronous execution of commands (wait for completion)",
                "assert     on|off (default off)",
                "           Abort the simulation run if a timeout expires",
                "show       Show current nodes status",
                "exit",
                "",
                "Quorate additions:",
                "sleep      <seconds> (fractions allowed)",
                "           let simulated time pass (last_man_standing window, device timeouts)",
                "expected   <n> [<nodeid>]",
                "           corosync-quorumtool -e <n>, run on <nodeid> (default: lowest running node)",
                "votes      <nodeid> <n> [<on-nodeid>]",
                "           corosync-quorumtool -v <n> -n <nodeid>, run on <on-nodeid> (default: <nodeid>)",
                "reload     <file>",
                "           replace corosync.conf on every running node and reload it",
                "check      compare every node with the independent reference model",
                "help       this text",
                "");
    }
}
