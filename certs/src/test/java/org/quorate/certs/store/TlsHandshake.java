package org.quorate.certs.store;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** One TLS handshake over 127.0.0.1 between two contexts; reports what each side saw of the other. */
public record TlsHandshake(String protocol, String cipherSuite, X509Certificate[] clientSawChain,
                           X509Certificate[] serverSawChain) {

    public static TlsHandshake run(SSLContext server, SSLContext client) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSSLParameters(TlsContexts.serverParameters(server));
            listener.setSoTimeout(10_000);
            CompletableFuture<X509Certificate[]> serverSide = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.setSoTimeout(10_000);
                    InputStream in = accepted.getInputStream();
                    int ping = in.read();
                    accepted.getOutputStream().write(ping + 1);
                    accepted.getOutputStream().flush();
                    return (X509Certificate[]) accepted.getSession().getPeerCertificates();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String protocol;
            String suite;
            X509Certificate[] clientSaw;
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setSoTimeout(10_000);
                socket.setSSLParameters(TlsContexts.clientParameters(client));
                OutputStream out = socket.getOutputStream();
                out.write(41);
                out.flush();
                if (socket.getInputStream().read() != 42) {
                    throw new IllegalStateException("no echo over TLS");
                }
                protocol = socket.getSession().getProtocol();
                suite = socket.getSession().getCipherSuite();
                clientSaw = (X509Certificate[]) socket.getSession().getPeerCertificates();
            }
            // the server side finishes its close only after the client's close_notify, so wait after closing
            return new TlsHandshake(protocol, suite, clientSaw, serverSide.get(10, TimeUnit.SECONDS));
        }
    }
}
