package org.quorate.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.deploy.flows.Stack;
import org.quorate.testsupport.LogsOnFailure;
import org.quorate.testsupport.docker.DockerLab;
import org.quorate.testsupport.docker.SystemdHost;
import org.testcontainers.containers.Network;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arbiter pair's units under a real systemd, Quorate's packages next to the C ones on the same image:
 * an ordinary {@code systemctl stop} leaves each unit inactive with "Deactivated successfully" (not
 * failed), and with the {@code corosync-qnetd.socket} unit active a restart refuses no connection.
 * One host per stack, each with its stack's qnetd and qdevice packages and a one-node corosync whose
 * device points at the local qnetd by the host's name (the C qdevice cannot reach 127.0.0.1 in a container
 * without IPv6: NSS maps it to ::ffff:127.0.0.1 and gets "Network address not available").
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogsOnFailure.class) // the hosts' journals (SystemdHost registers them)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SystemdUnitsIT {
    private static final String COROSYNC_CONF = """
            totem {
                version: 2
                cluster_name: solo
                transport: knet
                crypto_cipher: none
                crypto_hash: none
                token: 1000
            }
            nodelist {
                node {
                    name: solo
                    nodeid: 1
                    ring0_addr: 127.0.0.1
                }
            }
            quorum {
                provider: corosync_votequorum
                device {
                    model: net
                    votes: 1
                    net {
                        tls: off
                        host: QNETD_HOST
                        algorithm: lms
                    }
                }
            }
            logging {
                to_syslog: yes
            }
            """;
    /** Connects to 127.0.0.1:5403 every 5 ms for argv[1] seconds; prints "connected refused". */
    private static final String CONNECT_LOOP = """
            import socket, sys, time
            ok = refused = 0
            end = time.time() + float(sys.argv[1])
            while time.time() < end:
                s = socket.socket()
                s.settimeout(2)
                try:
                    s.connect(("127.0.0.1", 5403))
                    ok += 1
                except OSError:
                    refused += 1
                finally:
                    s.close()
                time.sleep(0.005)
            print(ok, refused)
            """;

    private final Map<Stack, SystemdHost> hosts = new EnumMap<>(Stack.class);
    private Network network;

    @BeforeAll
    void bootOneHostPerStack() {
        DockerLab.requireEngine();
        network = Stack.network();
        for (Stack s : Stack.values()) {
            // pcsd is not used here, and it is the slowest unit of the image's boot
            hosts.put(s, SystemdHost.on(network, "solo-" + s.name().toLowerCase(), false)
                    .withoutUnits("pcsd.service", "pcsd-ruby.service"));
        }
        CompletableFuture.allOf(hosts.entrySet().stream().map(e -> CompletableFuture.runAsync(() -> {
            SystemdHost h = e.getValue();
            h.start();
            e.getKey().installQnetd(h);
            e.getKey().installQdevice(h);
            h.sh("cat >/etc/corosync/corosync.conf <<'EOF'\n" + COROSYNC_CONF.replace("QNETD_HOST", h.alias())
                    + "EOF");
            h.exec("systemctl", "start", "corosync");
            h.exec("systemctl", "start", "corosync-qnetd");
            h.exec("systemctl", "start", "corosync-qdevice");
        })).toArray(CompletableFuture[]::new)).join();
    }

    @AfterAll
    void close() {
        hosts.values().forEach(SystemdHost::close);
        if (network != null) {
            network.close();
        }
    }

    @Test
    void stoppingQdeviceLeavesTheUnitInactiveLikeTheCOne() {
        assertCleanStop("corosync-qdevice");
    }

    @Test
    void stoppingQnetdLeavesTheUnitInactiveLikeTheCOne() {
        assertCleanStop("corosync-qnetd");
    }

    private void assertCleanStop(String unit) {
        Map<Stack, String> states = new EnumMap<>(Stack.class);
        for (Stack s : Stack.values()) {
            SystemdHost h = hosts.get(s);
            startBoth(h); // a test that ran first may have stopped them
            h.exec("systemctl", "stop", unit);
            String state = h.exec("systemctl", "show", "-p", "ActiveState", "-p", "Result", "-p", "ExecMainStatus",
                    unit);
            String journal = h.unitJournal(unit);
            System.out.printf("[%s] after systemctl stop %s:%n%s%s%n", s, unit, state,
                    journal.lines().reduce((a, b) -> b).orElse("(empty journal)"));
            assertThat(state).as("%s %s after stop; journal:\n%s", s, unit, journal)
                    .contains("ActiveState=inactive", "Result=success");
            assertThat(journal).as("%s %s journal", s, unit).contains("Deactivated successfully");
            states.put(s, state);
        }
        assertThat(states.get(Stack.QUORATE)).as("unit state after stop, Quorate vs C").isEqualTo(states.get(Stack.C));
    }

    @Test
    void restartWithTheSocketUnitRefusesNoConnection() {
        // Reference: the C package has no socket unit; its restart leaves a gap in which connects are refused.
        SystemdHost c = hosts.get(Stack.C);
        startBoth(c);
        String cCounts = restartUnderLoad(c);
        System.out.println("[C] restart without a socket unit: connected/refused = " + cCounts);

        SystemdHost q = hosts.get(Stack.QUORATE);
        SystemdHost.Result socketUnit = q.tryExec("systemctl", "cat", "corosync-qnetd.socket");
        assertThat(socketUnit.exitCode()).as("Quorate's corosync-qnetd package ships corosync-qnetd.socket: %s",
                socketUnit.output()).isZero();
        q.exec("systemctl", "stop", "corosync-qnetd");
        q.exec("systemctl", "enable", "--now", "corosync-qnetd.socket");
        startBoth(q);
        String qCounts = restartUnderLoad(q);
        System.out.println("[QUORATE] restart with corosync-qnetd.socket active: connected/refused = " + qCounts);
        String[] parts = qCounts.trim().split(" ");
        assertThat(Integer.parseInt(parts[1])).as("connections refused during the restart (connected: %s)", parts[0])
                .isZero();
        assertThat(Integer.parseInt(parts[0])).as("connections made").isPositive();
        awaitActive(q, "corosync-qnetd");
    }

    /** Starts qnetd and qdevice and waits until the qdevice is connected to the qnetd, as on a working node. */
    private static void startBoth(SystemdHost h) {
        h.exec("systemctl", "start", "corosync-qnetd", "corosync-qdevice");
        awaitActive(h, "corosync-qnetd");
        awaitActive(h, "corosync-qdevice");
        String status = "";
        for (int i = 0; i < 120 && !status.matches("(?s).*State:\\s+Connected.*"); i++) {
            sleep(250);
            status = h.tryExec("corosync-qdevice-tool", "-s", "-v").output();
        }
        assertThat(status).as("%s: qdevice connected to the local qnetd\n%s", h.alias(),
                h.unitJournal("corosync-qdevice")).containsPattern("State:\\s+Connected");
    }

    /** Restarts corosync-qnetd while a client connects every 5 ms; returns "connected refused". */
    private static String restartUnderLoad(SystemdHost h) {
        awaitActive(h, "corosync-qnetd");
        h.sh("cat >/root/connect-loop.py <<'EOF'\n" + CONNECT_LOOP + "EOF");
        return h.sh("python3 /root/connect-loop.py 8 >/root/connect-loop.out & sleep 1;"
                + " systemctl restart corosync-qnetd; wait; cat /root/connect-loop.out");
    }

    private static void awaitActive(SystemdHost h, String unit) {
        String state = "";
        for (int i = 0; i < 120; i++) {
            state = h.tryExec("systemctl", "is-active", unit).stdout().trim();
            if (state.equals("active")) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError(h.alias() + ": " + unit + " is " + state + " after 30 s\n" + h.unitJournal(unit));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
