package org.quorate.votequorum.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quorate.cluster.RingId;
import org.quorate.cluster.group.GroupLayer;
import org.quorate.cluster.group.GroupView;
import org.quorate.time.VirtualScheduler;
import org.quorate.votequorum.CsError;
import org.quorate.votequorum.Effect;
import org.quorate.votequorum.Votequorum;
import org.quorate.votequorum.message.VqMessageCodec;

/** The adapter alone, on a one-node layer that loops its multicasts back and can refuse them. */
class VotequorumServiceTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<byte[]> sent = new ArrayList<>();
    private boolean layerUp = true;
    private VotequorumService service;

    private final GroupLayer layer = new GroupLayer() {
        @Override
        public long localNodeId() {
            return 1;
        }

        @Override
        public boolean multicast(byte[] payload) {
            if (!layerUp) {
                return false;
            }
            sent.add(payload);
            scheduler.execute(() -> service.deliver(1, payload));
            return true;
        }
    };

    private VotequorumService start(Map<String, String> cmap, List<Effect> heard) {
        service = new VotequorumService(Votequorum.start(cmap, 1), layer, scheduler, new VotequorumListener() {
            @Override
            public void quorumChanged(Effect.QuorumChanged change) {
                heard.add(change);
            }

            @Override
            public void nodeListNotification(Effect.NodeListNotification n) {
                heard.add(n);
            }
        });
        scheduler.runDue();
        return service;
    }

    private void ring() {
        service.syncInit(new GroupView(new RingId(1, 4), List.of(1L), List.of(1L)));
        while (!service.syncProcess()) {
            scheduler.advance(10, TimeUnit.MILLISECONDS);
        }
        scheduler.runDue();
        service.syncActivate();
        scheduler.runDue();
    }

    @Test
    void aRingActivatesAndTellsTheListener() {
        List<Effect> heard = new ArrayList<>();
        start(Map.of("nodelist.node.0.nodeid", "1"), heard);
        ring();
        assertThat(heard).contains(new Effect.NodeListNotification(new RingId(1, 4), List.of(1L)),
                new Effect.QuorumChanged(true, List.of(1L), new RingId(1, 4)));
        assertThat(sent).isNotEmpty().allSatisfy(p -> VqMessageCodec.decode(p));
    }

    @Test
    void theDeviceTimerRunsOnTheScheduler() {
        List<Effect> heard = new ArrayList<>();
        start(Map.of("nodelist.node.0.nodeid", "1", "nodelist.node.1.nodeid", "2", "quorum.device.model", "net",
                "quorum.device.votes", "1", "quorum.device.timeout", "4000"), heard);
        ring();
        CsError[] reply = new CsError[1];
        service.qdeviceRegister("Qdevice", e -> reply[0] = e);
        scheduler.runDue();
        assertThat(reply[0]).isEqualTo(CsError.OK);
        assertThat(service.qdevicePoll("Qdevice", true, new RingId(1, 4))).isEqualTo(CsError.OK);
        scheduler.runDue();
        assertThat(service.getInfo(0).orElseThrow().totalVotes()).isEqualTo(2);
        scheduler.advance(3999, TimeUnit.MILLISECONDS);
        assertThat(service.getInfo(0).orElseThrow().totalVotes()).isEqualTo(2);
        scheduler.advance(2, TimeUnit.MILLISECONDS);
        assertThat(service.getInfo(0).orElseThrow().totalVotes()).isEqualTo(1);
    }

    @Test
    void aReconfigureTheLayerRefusesIsNoResources() {
        start(Map.of("nodelist.node.0.nodeid", "1", "nodelist.node.1.nodeid", "2"), new ArrayList<>());
        ring();
        layerUp = false;
        assertThat(service.setExpected(1)).isEqualTo(CsError.ERR_NO_RESOURCES);
        CsError[] reply = new CsError[1];
        service.qdeviceRegister("Qdevice", e -> reply[0] = e);
        assertThat(reply[0]).isEqualTo(CsError.ERR_TRY_AGAIN);
        layerUp = true;
        assertThat(service.setExpected(1)).isEqualTo(CsError.OK);
    }
}
