package org.quorate.deploy.flows;

import org.quorate.testsupport.docker.SystemdHost;
import org.testcontainers.containers.Network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The hosts of one run of a flow on their own internal network: the same host names for every stack, so the
 * two runs of a test can go on at the same time and their outputs still compare.
 */
final class FlowLab implements AutoCloseable {
    /** For flows that never use pcsd: it is the slowest unit of a boot (Ruby and Python) and 8 hosts boot at once. */
    static final Set<String> WITHOUT_PCSD = Set.of("pcsd.service", "pcsd-ruby.service");

    private final Network network;
    private final Map<String, FlowHost> hosts = new LinkedHashMap<>();

    /**
     * Boots one systemd host per name (in parallel); those in {@code netAdmin} may change their iptables, and
     * {@code masked} units do not start on any host.
     */
    FlowLab(List<String> names, Set<String> netAdmin, Set<String> masked) {
        network = Stack.network();
        for (String n : names) {
            SystemdHost host = SystemdHost.on(network, n, netAdmin.contains(n));
            if (!masked.isEmpty()) {
                host.withoutUnits(masked.toArray(String[]::new));
            }
            hosts.put(n, new FlowHost(n, host));
        }
        try {
            CompletableFuture.allOf(hosts.values().stream()
                    .map(h -> CompletableFuture.runAsync(h.host::start)).toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    FlowHost host(String name) {
        FlowHost h = hosts.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no host " + name + " in this lab (" + hosts.keySet() + ")");
        }
        return h;
    }

    List<FlowHost> hosts() {
        return new ArrayList<>(hosts.values());
    }

    /**
     * {@code action} on every host of {@code on} at the same time (package installs: dpkg and the maintainer
     * scripts take seconds per host); the results in the order of {@code on}, so the steps recorded from them
     * come in the same order in every run.
     */
    static <T> List<T> inParallel(List<FlowHost> on, Function<FlowHost, T> action) {
        // a thread per host: the work is waiting on docker exec, and the common pool has one thread on 2 cores
        ExecutorService threads = Executors.newFixedThreadPool(on.size());
        try {
            List<CompletableFuture<T>> futures = on.stream()
                    .map(h -> CompletableFuture.supplyAsync(() -> action.apply(h), threads)).toList();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    /** The tail of every host's journal for the flow's units. */
    String journals(int lines) {
        StringBuilder sb = new StringBuilder();
        for (FlowHost h : hosts.values()) {
            try {
                sb.append(h.journalTail(lines)).append('\n');
            } catch (RuntimeException e) {
                sb.append("(").append(h.name).append(": no journal: ").append(e.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        for (FlowHost h : hosts.values()) {
            try {
                h.host.close();
            } catch (RuntimeException e) {
                System.err.println("stopping " + h.name + ": " + e);
            }
        }
        network.close();
    }
}
