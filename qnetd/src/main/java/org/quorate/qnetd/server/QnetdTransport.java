package org.quorate.qnetd.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslHandler;
import org.quorate.qnetd.config.QnetdSettings;

/** What a connection handler needs from the server that accepted it. */
interface QnetdTransport {
    ServerContext context();

    QnetdSettings settings();

    /** True when {@code -m} is set and that many clients are connected already. */
    boolean refuseNewClient();

    /** True when IPv4 peers arrive on a dual-stack socket and print as {@code ::ffff:a.b.c.d}. */
    boolean showsMappedIpv4();

    /** True while the daemon shuts down: disconnects then send no votes. */
    boolean goingDown();

    SslHandler newSslHandler(ByteBufAllocator alloc);
}
