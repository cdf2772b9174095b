package org.quorate.link.tool;

import org.quorate.link.LinkLayer;
import org.quorate.link.config.LinkLayerConfig;
import org.quorate.net.DatagramTransport;
import org.quorate.time.Scheduler;

/** Builds the link layer the tool runs: the real engine, or a stand-in in tests. */
@FunctionalInterface
public interface LinkLayerFactory {
    LinkLayer create(LinkLayerConfig config, DatagramTransport transport, Scheduler scheduler);
}
