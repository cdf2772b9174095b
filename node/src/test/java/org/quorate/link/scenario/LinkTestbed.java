package org.quorate.link.scenario;

import org.quorate.link.LinkLayer;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Hosts running real link layers on some network, as the scenarios see them. A simulated implementation runs
 * them under a virtual clock (fast, seeded, replayable); a real-socket one in network namespaces with
 * iptables. Hosts are 1..n, links 0..m-1; every action on a layer goes through {@link #onHost} so that it runs
 * on that layer's thread.
 */
interface LinkTestbed extends AutoCloseable {
    TestbedSpec spec();

    List<Integer> hostIds();

    /** The layer of {@code host} (a new one after {@link #restart}). Touch it only inside {@link #onHost}. */
    LinkLayer layer(int host);

    HostRecorder recorder(int host);

    /** Runs {@code action} on {@code host}'s layer thread and waits for it. */
    void onHost(int host, Runnable action);

    /** Runs {@code action} on {@code host}'s layer thread every {@code period} until the testbed closes. */
    void every(int host, Duration period, Runnable action);

    /** Loses everything sent {@code from -> to} on {@code link}. */
    void cut(int from, int to, int link);

    void heal(int from, int to, int link);

    default void cutBothWays(int a, int b, int link) {
        cut(a, b, link);
        cut(b, a, link);
    }

    default void healBothWays(int a, int b, int link) {
        heal(a, b, link);
        heal(b, a, link);
    }

    /** Degrades {@code from -> to} on {@code link} (replacing the previous shaping, cuts kept). */
    void shape(int from, int to, int link, Shaping shaping);

    /** Closes {@code host}'s layer and starts a new one with the same configuration and key. */
    void restart(int host);

    /** Sends raw bytes to {@code host}'s address on {@code link} from an address outside the cluster. */
    void sendRaw(int host, int link, byte[] datagram);

    /** The testbed's clock, in nanoseconds. */
    long nanos();

    void runFor(Duration duration);

    /** Runs until {@code condition} holds (checked at least every 10 ms of testbed time) or {@code bound} passes. */
    boolean runUntil(BooleanSupplier condition, Duration bound);

    /** The seed and set-up, for a failure message that lets the run be replayed. */
    String describe();

    @Override
    void close();
}
