package org.quorate.link.engine;

import org.quorate.link.config.LinkLayerConfig;
import org.quorate.link.wire.PacketCodec;
import org.quorate.time.Clock;

/** Builds the engine's codec: one per engine, so one incarnation per start of the node. */
final class Codecs {
    private Codecs() {
    }

    static PacketCodec create(LinkLayerConfig config, Clock clock) {
        return new PacketCodec(config.localHostId(), clock.currentTimeMillis() * 1000, config.crypto());
    }
}
