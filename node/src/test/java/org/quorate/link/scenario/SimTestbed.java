package org.quorate.link.scenario;

import org.quorate.link.LinkLayer;
import org.quorate.link.config.HostLinks;
import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.config.LinkSpec;
import org.quorate.link.config.LinkTuning;
import org.quorate.link.crypto.AuthKey;
import org.quorate.link.crypto.CryptoConfig;
import org.quorate.link.engine.InterfaceMtu;
import org.quorate.link.engine.LinkEngine;
import org.quorate.testsupport.simnet.AddressBook;
import org.quorate.testsupport.simnet.Endpoint;
import org.quorate.testsupport.simnet.LinkConditions;
import org.quorate.testsupport.simnet.Port;
import org.quorate.testsupport.simnet.SimDatagramTransport;
import org.quorate.testsupport.simnet.SimNetwork;
import org.quorate.time.Scheduler;
import org.quorate.time.VirtualScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The scenarios' simulated testbed: real {@link LinkEngine}s with real AEAD crypto over a seeded
 * {@link SimNetwork}, all on one {@link VirtualScheduler}. Host H's link L is {@code 198.18.L.H:5405+L}. The
 * same spec and seed give the same run, datagram for datagram.
 */
final class SimTestbed implements LinkTestbed {
    /** The host id of the outsider that sends raw datagrams. */
    static final int OUTSIDER = 250;

    /** One way on a quiet LAN: a zero delay would let a pong land exactly on a tick boundary. */
    static final Duration LAN_DELAY = Duration.ofNanos(100_000);

    private final TestbedSpec spec;
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SimNetwork network;
    private final AddressBook book = new AddressBook();
    private final SimDatagramTransport transport;
    private final Map<Integer, LinkEngine> engines = new TreeMap<>();
    private final Map<Integer, HostRecorder> recorders = new TreeMap<>();
    private final Map<Integer, LinkLayerConfig> configs = new TreeMap<>();
    private final Map<Integer, Port> outsiders = new TreeMap<>();
    private final List<Scheduler.Cancellable> periodic = new ArrayList<>();
    private boolean closed;

    SimTestbed(TestbedSpec spec) {
        this.spec = spec;
        this.network = new SimNetwork(scheduler, spec.seed());
        this.transport = new SimDatagramTransport(network, book);
        network.setDefaultConditions(LinkConditions.PERFECT.withDelay(LAN_DELAY, Duration.ZERO));
        SplittableRandom keys = new SplittableRandom(spec.seed() ^ 0x5eed_c0deL);
        AuthKey cluster = AuthKey.of(randomBytes(keys, 256));
        AuthKey foreign = AuthKey.of(randomBytes(keys, 256));
        for (int h = 1; h <= spec.hosts(); h++) {
            for (int l = 0; l < spec.links(); l++) {
                book.standard(h, l);
            }
        }
        for (int h = 1; h <= spec.hosts(); h++) {
            AuthKey key = h == spec.foreignKeyHost() ? foreign : cluster;
            configs.put(h, config(spec, h, CryptoConfig.aead(key)));
            recorders.put(h, new HostRecorder(h, scheduler::nanoTime));
            startEngine(h);
        }
    }

    private static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static LinkLayerConfig config(TestbedSpec spec, int self, CryptoConfig crypto) {
        List<HostLinks> hosts = new ArrayList<>();
        for (int h = 1; h <= spec.hosts(); h++) {
            if (h == self) {
                continue;
            }
            List<LinkSpec> links = new ArrayList<>();
            for (int l = 0; l < spec.links(); l++) {
                links.add(new LinkSpec(l, AddressBook.standardAddress(self, l), AddressBook.standardAddress(h, l), 1,
                        spec.pingInterval(), spec.pongTimeout(), 2048, spec.pongCount()));
            }
            hosts.add(new HostLinks(h, "node" + h, links));
        }
        LinkTuning d = LinkTuning.DEFAULTS;
        LinkTuning tuning = new LinkTuning(d.heartbeat().withTick(spec.tick()), d.pmtu(), d.reassembly(),
                d.maxQueuedBytesPerHost());
        return new LinkLayerConfig(self, "node" + self, spec.policy(), crypto, hosts, tuning);
    }

    private void startEngine(int h) {
        LinkEngine e = new LinkEngine(configs.get(h), transport, scheduler, InterfaceMtu.ETHERNET);
        engines.put(h, e);
        e.start(recorders.get(h));
    }

    /** The simulated engine itself, for checks beyond the {@link LinkLayer} interface. */
    LinkEngine engine(int host) {
        return engines.get(host);
    }

    SimNetwork network() {
        return network;
    }

    VirtualScheduler scheduler() {
        return scheduler;
    }

    @Override
    public TestbedSpec spec() {
        return spec;
    }

    @Override
    public List<Integer> hostIds() {
        return new ArrayList<>(engines.keySet());
    }

    @Override
    public LinkLayer layer(int host) {
        return engines.get(host);
    }

    @Override
    public HostRecorder recorder(int host) {
        return recorders.get(host);
    }

    @Override
    public void onHost(int host, Runnable action) {
        action.run(); // one thread for everything: the test's, between advances
    }

    @Override
    public void every(int host, Duration period, Runnable action) {
        long nanos = period.toNanos();
        Scheduler.Cancellable[] next = new Scheduler.Cancellable[1];
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (!closed) {
                action.run();
                next[0] = scheduler.schedule(self[0], nanos, TimeUnit.NANOSECONDS);
            }
        };
        next[0] = scheduler.schedule(self[0], nanos, TimeUnit.NANOSECONDS);
        periodic.add(() -> next[0].cancel());
    }

    @Override
    public void cut(int from, int to, int link) {
        network.cut(Endpoint.of(from, link), Endpoint.of(to, link));
    }

    @Override
    public void heal(int from, int to, int link) {
        network.heal(Endpoint.of(from, link), Endpoint.of(to, link));
    }

    @Override
    public void shape(int from, int to, int link, Shaping s) {
        network.update(Endpoint.of(from, link), Endpoint.of(to, link), c -> LinkConditions.PERFECT.withCut(c.cut())
                .withDropRate(s.loss()).withDelay(LAN_DELAY.plus(s.delay()), s.jitter()).withMtu(s.mtu()));
    }

    @Override
    public void restart(int host) {
        engines.get(host).close();
        startEngine(host);
    }

    @Override
    public void sendRaw(int host, int link, byte[] datagram) {
        Port p = outsiders.computeIfAbsent(link, l -> {
            book.standard(OUTSIDER, l);
            return network.bind(Endpoint.of(OUTSIDER, l), d -> { });
        });
        p.send(Endpoint.of(host, link), datagram);
    }

    @Override
    public long nanos() {
        return scheduler.nanoTime();
    }

    @Override
    public void runFor(Duration duration) {
        scheduler.advance(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean runUntil(BooleanSupplier condition, Duration bound) {
        long end = scheduler.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (scheduler.nanoTime() >= end) {
                return false;
            }
            scheduler.advance(Math.min(TimeUnit.MILLISECONDS.toNanos(10), end - scheduler.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }
        return true;
    }

    @Override
    public String describe() {
        return "SimTestbed " + spec + " (replay: new SimTestbed(" + spec + "))";
    }

    @Override
    public void close() {
        closed = true;
        periodic.forEach(Scheduler.Cancellable::cancel);
        engines.values().forEach(LinkEngine::close);
        outsiders.values().forEach(Port::close);
    }
}
