package org.quorate.qdevice.admin;

import java.time.Instant;
import java.util.Objects;
import org.quorate.protocol.DecisionAlgorithm;
import org.quorate.protocol.HeuristicsResult;
import org.quorate.protocol.TieBreaker;
import org.quorate.protocol.TlsSupported;

/**
 * The "Qdevice-net information" block (spec §12.4).
 *
 * @param clusterName           {@code totem.cluster_name}
 * @param qnetdHost             {@code quorum.device.net.host} as configured
 * @param qnetdPort             {@code quorum.device.net.port}
 * @param forceIpVersion        {@code force_ip_version}: 0 (any), 4 or 6
 * @param connectTimeoutMs      {@code connect_timeout}
 * @param heartbeatIntervalMs   the heartbeat interval sent to qnetd
 * @param voteTimerIntervalMs   the votequorum cast-vote timer interval
 * @param tls                   {@code quorum.device.net.tls}
 * @param algorithm             decision algorithm
 * @param tieBreaker            tie-breaker
 * @param kapTieBreaker         the KAP line, see {@link KapTieBreakerStatus#of}
 * @param pollTimerRunning      the cast-vote timer runs
 * @param pollTimerCastVote     ... and it casts the vote (last vote ACK)
 * @param state                 the State line
 * @param sessionEstablished    the client is in the connected (voting) state; decides whether the
 *                              TLS and time lines appear (true also while a disconnect is pending)
 * @param heuristicsResult      latest combined heuristics result
 * @param regularHeuristics     latest regular heuristics result
 * @param membershipHeuristics  latest membership-change heuristics result
 * @param connectHeuristics     latest after-connect heuristics result
 * @param tlsActive             the connection runs TLS
 * @param clientCertificateSent a client certificate was sent in the TLS handshake
 * @param connectedSince        when the current connection was established, or null
 * @param echoReplyReceived     when the last echo reply arrived, or null
 */
public record QdeviceNetInfo(String clusterName, String qnetdHost, int qnetdPort, int forceIpVersion,
                             long connectTimeoutMs, long heartbeatIntervalMs, long voteTimerIntervalMs,
                             TlsSupported tls, DecisionAlgorithm algorithm, TieBreaker tieBreaker,
                             KapTieBreakerStatus kapTieBreaker, boolean pollTimerRunning, boolean pollTimerCastVote,
                             QdeviceConnectionState state, boolean sessionEstablished,
                             HeuristicsResult heuristicsResult, HeuristicsResult regularHeuristics,
                             HeuristicsResult membershipHeuristics, HeuristicsResult connectHeuristics,
                             boolean tlsActive, boolean clientCertificateSent, Instant connectedSince,
                             Instant echoReplyReceived) {
    public QdeviceNetInfo {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(qnetdHost, "qnetdHost");
        if (forceIpVersion != 0 && forceIpVersion != 4 && forceIpVersion != 6) {
            throw new IllegalArgumentException("forceIpVersion must be 0, 4 or 6, got " + forceIpVersion);
        }
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(tieBreaker, "tieBreaker");
        Objects.requireNonNull(kapTieBreaker, "kapTieBreaker");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(heuristicsResult, "heuristicsResult");
        Objects.requireNonNull(regularHeuristics, "regularHeuristics");
        Objects.requireNonNull(membershipHeuristics, "membershipHeuristics");
        Objects.requireNonNull(connectHeuristics, "connectHeuristics");
    }

    public static Builder builder(String clusterName, String qnetdHost, int qnetdPort) {
        return new Builder(clusterName, qnetdHost, qnetdPort);
    }

    /** Collects the fields; defaults are corosync-qdevice's configuration defaults. */
    public static final class Builder {
        private final String clusterName;
        private final String qnetdHost;
        private final int qnetdPort;
        private int forceIpVersion;
        private long connectTimeoutMs = 8000;
        private long heartbeatIntervalMs = 8000;
        private long voteTimerIntervalMs = 5000;
        private TlsSupported tls = TlsSupported.SUPPORTED;
        private DecisionAlgorithm algorithm = DecisionAlgorithm.FFSPLIT;
        private TieBreaker tieBreaker = TieBreaker.LOWEST;
        private KapTieBreakerStatus kapTieBreaker;
        private boolean pollTimerRunning;
        private boolean pollTimerCastVote;
        private QdeviceConnectionState state = QdeviceConnectionState.CONNECTING;
        private Boolean sessionEstablished;
        private HeuristicsResult heuristicsResult = HeuristicsResult.UNDEFINED;
        private HeuristicsResult regularHeuristics = HeuristicsResult.UNDEFINED;
        private HeuristicsResult membershipHeuristics = HeuristicsResult.UNDEFINED;
        private HeuristicsResult connectHeuristics = HeuristicsResult.UNDEFINED;
        private boolean tlsActive;
        private boolean clientCertificateSent;
        private Instant connectedSince;
        private Instant echoReplyReceived;

        private Builder(String clusterName, String qnetdHost, int qnetdPort) {
            this.clusterName = clusterName;
            this.qnetdHost = qnetdHost;
            this.qnetdPort = qnetdPort;
        }

        public Builder forceIpVersion(int v) { forceIpVersion = v; return this; }
        public Builder intervals(long connectTimeout, long heartbeat, long voteTimer) {
            connectTimeoutMs = connectTimeout;
            heartbeatIntervalMs = heartbeat;
            voteTimerIntervalMs = voteTimer;
            return this;
        }
        public Builder tls(TlsSupported v) { tls = v; return this; }
        public Builder algorithm(DecisionAlgorithm v) { algorithm = v; return this; }
        public Builder tieBreaker(TieBreaker v) { tieBreaker = v; return this; }
        public Builder kapTieBreaker(KapTieBreakerStatus v) { kapTieBreaker = v; return this; }
        public Builder pollTimer(boolean running, boolean castVote) {
            pollTimerRunning = running;
            pollTimerCastVote = castVote;
            return this;
        }
        public Builder state(QdeviceConnectionState v) { state = v; return this; }
        public Builder sessionEstablished(boolean v) { sessionEstablished = v; return this; }
        public Builder heuristics(HeuristicsResult result, HeuristicsResult regular, HeuristicsResult membership,
                                  HeuristicsResult connect) {
            heuristicsResult = result;
            regularHeuristics = regular;
            membershipHeuristics = membership;
            connectHeuristics = connect;
            return this;
        }
        public Builder tlsSession(boolean active, boolean certificateSent) {
            tlsActive = active;
            clientCertificateSent = certificateSent;
            return this;
        }
        public Builder times(Instant since, Instant echoReply) {
            connectedSince = since;
            echoReplyReceived = echoReply;
            return this;
        }

        public QdeviceNetInfo build() {
            boolean established = sessionEstablished != null ? sessionEstablished
                    : state == QdeviceConnectionState.CONNECTED;
            KapTieBreakerStatus kap = kapTieBreaker != null ? kapTieBreaker
                    : KapTieBreakerStatus.of(algorithm, false, established, true);
            return new QdeviceNetInfo(clusterName, qnetdHost, qnetdPort, forceIpVersion, connectTimeoutMs,
                    heartbeatIntervalMs, voteTimerIntervalMs, tls, algorithm, tieBreaker, kap, pollTimerRunning,
                    pollTimerCastVote, state, established, heuristicsResult, regularHeuristics,
                    membershipHeuristics, connectHeuristics, tlsActive, clientCertificateSent, connectedSince,
                    echoReplyReceived);
        }
    }
}
