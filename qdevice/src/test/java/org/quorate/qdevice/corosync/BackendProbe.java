package org.quorate.qdevice.corosync;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.quorate.cluster.RingId;
import org.quorate.qdevice.backend.NodeListNotification;
import org.quorate.qdevice.backend.QdeviceConfig;
import org.quorate.qdevice.backend.QuorumBackendException;
import org.quorate.qdevice.backend.QuorumListener;
import org.quorate.qdevice.backend.QuorumNotification;
import org.quorate.qdevice.backend.VotequorumInfo;

/**
 * A child-JVM driver for {@link CorosyncQuorumBackend}, run inside the test's network namespace
 * (libqb IPC sockets are per namespace). Reads one command per line on stdin, answers each with
 * one {@code OK ...} or {@code ERR ...} line; notifications come as {@code EVENT ...} lines.
 * Commands: connect, config, track, register N, unregister N, masterwins N 0|1, poll N 0|1,
 * pollevery N 0|1 MS, stoppoll, info, close, exit.
 */
public final class BackendProbe {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private CorosyncQuorumBackend backend;
    private volatile RingId ring = RingId.ZERO;
    private ScheduledFuture<?> poller;

    public static void main(String[] args) throws Exception {
        new BackendProbe().run();
        System.exit(0);
    }

    private void run() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split("\\s+");
            try {
                if (w[0].equals("exit")) {
                    say("OK bye");
                    return;
                }
                say("OK " + execute(w));
            } catch (QuorumBackendException e) {
                say("ERR " + e.error().cName() + " " + e.getMessage());
            } catch (RuntimeException e) {
                say("ERR " + e);
            }
        }
    }

    private String execute(String[] w) {
        switch (w[0]) {
            case "connect" -> {
                backend = CorosyncQuorumBackend.connect(CorosyncBackendOptions.DEFAULTS.withMaxTryAgain(3));
                return "connected";
            }
            case "config" -> {
                QdeviceConfig c = backend.readConfig(org.quorate.qdevice.backend.ConfigLimits.DEFAULTS, ignored -> { });
                return "cluster=" + c.clusterName() + " nodeid=" + c.localNodeId()
                        + " configVersion=" + c.configVersion().orElse(-1)
                        + " nodes=" + c.nodes().stream().map(n -> n.nodeId() + "/dc" + n.datacenterId() + "/"
                        + n.name().orElse("-")).collect(Collectors.joining(","))
                        + " model=" + c.device().model() + " votes=" + c.device().votes().orElse(-1)
                        + " timeout=" + c.device().timeoutMs() + " sync_timeout=" + c.device().syncTimeoutMs()
                        + " host=" + c.device().net().orElseThrow().host()
                        + " algorithm=" + c.device().net().orElseThrow().algorithm().configName()
                        + " tls=" + c.device().net().orElseThrow().tls()
                        + " heuristics=" + c.device().heuristics().mode() + c.device().heuristics().execs();
            }
            case "raw" -> {
                return backend.configSnapshot().get(w[1]).orElse("<absent>");
            }
            case "track" -> {
                backend.startTracking(new Printer(), events);
                return "tracking";
            }
            case "register" -> {
                backend.register(w[1]);
                return "registered " + w[1];
            }
            case "unregister" -> {
                backend.unregister(w[1]);
                return "unregistered " + w[1];
            }
            case "masterwins" -> {
                backend.masterWins(w[1], w[2].equals("1"));
                return "masterwins " + w[2];
            }
            case "poll" -> {
                return "poll " + backend.poll(w[1], w[2].equals("1"), ring) + " ring=" + ring;
            }
            case "pollring" -> {
                RingId r = new RingId(Long.parseLong(w[3]), Long.parseLong(w[4]));
                return "poll " + backend.poll(w[1], w[2].equals("1"), r) + " ring=" + r;
            }
            case "pollevery" -> {
                String name = w[1];
                boolean vote = w[2].equals("1");
                poller = timer.scheduleAtFixedRate(() -> {
                    try {
                        backend.poll(name, vote, ring);
                    } catch (RuntimeException e) {
                        say("EVENT pollFailed " + e.getMessage());
                    }
                }, 0, Long.parseLong(w[3]), TimeUnit.MILLISECONDS);
                return "polling every " + w[3] + " ms";
            }
            case "stoppoll" -> {
                poller.cancel(false);
                return "stopped";
            }
            case "info" -> {
                VotequorumInfo i = backend.info(0);
                return "node=" + i.nodeId() + " expected=" + i.expectedVotes() + " total=" + i.totalVotes()
                        + " quorum=" + i.quorum() + " qdeviceVotes=" + i.qdeviceVotes()
                        + " qdeviceName=" + i.qdeviceName() + " flags=" + i.flags().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(","));
            }
            case "close" -> {
                backend.close();
                return "closed";
            }
            default -> throw new IllegalArgumentException("unknown command " + w[0]);
        }
    }

    private static synchronized void say(String s) {
        OUT.println(s);
    }

    private final class Printer implements QuorumListener {
        @Override
        public void onNodeList(NodeListNotification n) {
            ring = n.ringId();
            say("EVENT nodeList ring=" + n.ringId() + " members=" + n.memberIds());
        }

        @Override
        public void onQuorum(QuorumNotification n) {
            say("EVENT quorum quorate=" + n.quorate() + " nodes=" + n.nodes().stream()
                    .map(s -> s.nodeId() + ":" + s.state()).collect(Collectors.joining(",")));
        }

        @Override
        public void onExpectedVotes(int expectedVotes) {
            say("EVENT expectedVotes " + expectedVotes);
        }

        @Override
        public void onConfigChanged(java.util.Set<String> keys) {
            say("EVENT configChanged " + new java.util.TreeSet<>(keys));
        }

        @Override
        public void onBackendLost(QuorumBackendException cause) {
            say("EVENT backendLost " + cause.getMessage());
        }
    }
}
