package org.quorate.bench.pki;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.quorate.certs.pki.KeyMaterial;

/**
 * Presents, on each connection, the certificate of the cluster the simulated node belongs to. The node
 * creates its SSL engine with the cluster name as "peer host", which is how the key manager learns which
 * cluster is asking; one SSL context then serves thousands of clusters. (A name without a dot is never
 * sent as SNI by the JDK, so the server sees no odd server_name.)
 */
public final class ClusterKeyManager extends X509ExtendedKeyManager {
    private final Map<String, KeyMaterial> identities;

    public ClusterKeyManager(Map<String, KeyMaterial> identities) {
        this.identities = Map.copyOf(identities);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        String cluster = engine.getPeerHost();
        return identities.containsKey(cluster) ? cluster : null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        KeyMaterial identity = identities.get(alias);
        return identity == null ? null : identity.chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        KeyMaterial identity = identities.get(alias);
        return identity == null ? null : identity.privateKey();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return identities.keySet().toArray(new String[0]);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
