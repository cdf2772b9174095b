package org.quorate.link.engine;

import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.wire.PacketCodec;
import org.quorate.link.config.HostLinks;
import org.quorate.time.Clock;

import java.util.HashSet;
import java.util.Set;

/** Builds the engine's codec: one per engine, so one incarnation per start of the node. */
final class Codecs {
    private Codecs() {
    }

    static PacketCodec create(LinkLayerConfig config, Clock clock) {
        Set<Integer> known = new HashSet<>();
        for (HostLinks h : config.hosts()) {
            known.add(h.hostId());
        }
        return new PacketCodec(config.localHostId(), PacketCodec.newIncarnation(clock), config.crypto(), clock)
                .knownHosts(known);
    }
}
