package org.quorate.link.memory;

import org.junit.jupiter.api.Test;
import org.quorate.link.LinkEvent;
import org.quorate.link.RecordingListener;
import org.quorate.time.VirtualScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryLinkLayerTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();

    private RecordingListener start(InMemoryLinkLayer layer) {
        RecordingListener h = new RecordingListener();
        layer.start(h);
        return h;
    }

    @Test
    void startedHostsSeeEachOtherAndMessagesArriveOnce() {
        InMemoryLinkHub hub = new InMemoryLinkHub(scheduler, 1);
        InMemoryLinkLayer a = hub.layer(1);
        InMemoryLinkLayer b = hub.layer(2);
        RecordingListener ha = start(a);
        RecordingListener hb = start(b);
        assertThat(ha.reachability).as("no callback inside start()").isEmpty();
        scheduler.runDue();
        assertThat(ha.reachability).containsExactly("2 up");
        assertThat(hb.reachability).containsExactly("1 up");

        assertThat(a.send(2, "hello".getBytes())).isTrue();
        assertThat(a.sendToAll("all".getBytes())).isEqualTo(2);
        scheduler.runDue();
        assertThat(hb.messages).containsExactly("1:hello", "1:all");
        assertThat(ha.messages).containsExactly("1:all");
    }

    @Test
    void aOneWayCutMakesBothSidesUnreachableAndHealRestoresOnce() {
        InMemoryLinkHub hub = new InMemoryLinkHub(scheduler, 1);
        InMemoryLinkLayer a = hub.layer(1);
        InMemoryLinkLayer b = hub.layer(2);
        RecordingListener ha = start(a);
        RecordingListener hb = start(b);
        scheduler.runDue();

        hub.cut(1, 2);
        scheduler.runDue();
        assertThat(ha.reachability).containsExactly("2 up", "2 down");
        assertThat(hb.reachability).containsExactly("1 up", "1 down");
        assertThat(a.send(2, "x".getBytes())).isFalse();
        assertThat(b.send(1, "x".getBytes())).isFalse();
        assertThat(a.refusedSends()).isEqualTo(1);

        hub.heal(1, 2);
        hub.heal(1, 2);
        scheduler.runDue();
        assertThat(ha.reachability).containsExactly("2 up", "2 down", "2 up");
        assertThat(ha.events).extracting(LinkEvent::kind)
                .containsExactly(LinkEvent.Kind.UP, LinkEvent.Kind.DOWN, LinkEvent.Kind.UP);
    }

    @Test
    void aPartitionSeparatesSidesAndDetectionDelayIsHonoured() {
        InMemoryLinkHub hub = new InMemoryLinkHub(scheduler, 1).detectionDelay(Duration.ofMillis(1500));
        List<RecordingListener> heard = new ArrayList<>();
        for (int h = 1; h <= 3; h++) {
            heard.add(start(hub.layer(h)));
        }
        scheduler.advance(2, TimeUnit.SECONDS);
        hub.partition(Set.of(3));
        scheduler.advance(1499, TimeUnit.MILLISECONDS);
        assertThat(heard.get(0).reachability).containsExactly("2 up", "3 up");
        scheduler.advance(1, TimeUnit.MILLISECONDS);
        assertThat(heard.get(0).reachability).containsExactly("2 up", "3 up", "3 down");
        assertThat(heard.get(2).reachability).containsExactly("1 up", "2 up", "1 down", "2 down");
        assertThat(heard.get(1).reachability).containsExactly("1 up", "3 up", "3 down");
    }

    @Test
    void aCutHealedBeforeItIsNoticedIsNeverReported() {
        InMemoryLinkHub hub = new InMemoryLinkHub(scheduler, 1).detectionDelay(Duration.ofSeconds(1));
        RecordingListener ha = start(hub.layer(1));
        start(hub.layer(2));
        scheduler.advance(2, TimeUnit.SECONDS);
        hub.cut(2, 1);
        scheduler.advance(500, TimeUnit.MILLISECONDS);
        hub.heal(2, 1);
        scheduler.advance(5, TimeUnit.SECONDS);
        assertThat(ha.reachability).containsExactly("2 up");
    }

    @Test
    void seededLossAndDelayAreReplayable() {
        long[] first = run(42);
        long[] again = run(42);
        long[] other = run(43);
        assertThat(again).containsExactly(first);
        assertThat(first[0]).isBetween(800L, 950L); // 10 % of 1000 lost, within sampling noise
        assertThat(other).isNotEqualTo(first);
    }

    private long[] run(long seed) {
        VirtualScheduler s = new VirtualScheduler();
        InMemoryLinkHub hub = new InMemoryLinkHub(s, seed).loss(0.1).delay(Duration.ofMillis(1), Duration.ofMillis(5));
        InMemoryLinkLayer a = hub.layer(1);
        a.start(new RecordingListener());
        RecordingListener hb = new RecordingListener();
        hub.layer(2).start(hb);
        s.runDue();
        long checksum = 0;
        for (int i = 0; i < 1000; i++) {
            a.send(2, Integer.toString(i).getBytes());
            s.advance(1, TimeUnit.MILLISECONDS);
        }
        s.advance(1, TimeUnit.SECONDS);
        for (String m : hb.messages) {
            checksum = checksum * 31 + m.hashCode();
        }
        return new long[]{hb.messages.size(), checksum};
    }

    @Test
    void nothingArrivesAfterCloseAndTheHostCanComeBack() {
        InMemoryLinkHub hub = new InMemoryLinkHub(scheduler, 1).delay(Duration.ofMillis(10), Duration.ZERO);
        InMemoryLinkLayer a = hub.layer(1);
        InMemoryLinkLayer b = hub.layer(2);
        RecordingListener ha = start(a);
        RecordingListener hb = start(b);
        scheduler.runDue();
        a.send(2, "in flight".getBytes());
        b.close();
        scheduler.advance(1, TimeUnit.SECONDS);
        assertThat(hb.messages).isEmpty();
        assertThat(hb.reachability).containsExactly("1 up");
        assertThat(ha.reachability).containsExactly("2 up", "2 down");
        assertThat(a.reachable(2)).isFalse();

        RecordingListener again = start(hub.layer(2));
        scheduler.runDue();
        assertThat(again.reachability).containsExactly("1 up");
        assertThat(ha.reachability).containsExactly("2 up", "2 down", "2 up");
        assertThat(a.status().hosts()).hasSize(2);
    }

    @Test
    void tooLongMessagesAreRejectedNamingTheHost() {
        InMemoryLinkHub hub = new InMemoryLinkHub(scheduler, 1);
        InMemoryLinkLayer a = hub.layer(1);
        start(a);
        assertThatThrownBy(() -> a.send(2, new byte[65537])).hasMessageContaining("host 2").hasMessageContaining("65536");
    }
}
