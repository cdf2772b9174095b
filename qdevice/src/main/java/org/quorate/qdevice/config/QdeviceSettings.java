package org.quorate.qdevice.config;

import org.quorate.certs.CertLayout;

import java.nio.file.Path;

/**
 * The qdevice daemon's command-line and {@code -S} advanced settings (spec §10.2, §11.2), with the C
 * defaults. Everything about the cluster itself (host, algorithm, timeouts, heuristics) comes from
 * corosync's {@code quorum.device.*} keys instead, see {@code org.quorate.qdevice.backend}.
 *
 * @param masterWins null = "model" (let the model decide), else forced on/off
 */
public record QdeviceSettings(
        int debug,
        boolean foreground,
        Path lockFile,
        Path localSocketFile,
        Integer localSocketUmask,
        String localSocketGid,
        int localSocketBacklog,
        int maxCsTryAgain,
        String votequorumDeviceName,
        int ipcMaxClients,
        int ipcMaxReceiveSize,
        int ipcMaxSendSize,
        Boolean masterWins,
        int heuristicsIpcMaxSendBuffers,
        int heuristicsIpcMaxSendReceiveSize,
        long heuristicsMinTimeout,
        long heuristicsMaxTimeout,
        long heuristicsMinInterval,
        long heuristicsMaxInterval,
        int heuristicsMaxExecs,
        boolean heuristicsUseExecvp,
        int heuristicsMaxProcesses,
        long heuristicsKillListInterval,
        Path netNssDbDir,
        int netInitialMsgReceiveSize,
        int netInitialMsgSendSize,
        int netMinMsgSendSize,
        int netMaxMsgReceiveSize,
        int netMaxSendBuffers,
        String netNssQnetdCn,
        String netNssClientCertNickname,
        long netHeartbeatIntervalMin,
        long netHeartbeatIntervalMax,
        long netMinConnectTimeout,
        long netMaxConnectTimeout,
        boolean netTestAlgorithmEnabled) {

    public static QdeviceSettings defaults() {
        Path run = QdevicePaths.runDir();
        return new QdeviceSettings(0, false, run.resolve("corosync-qdevice.pid"), run.resolve("corosync-qdevice.sock"),
                null, null, 10, 10, "Qdevice", 10, 4096, 65536, null,
                128, 4096, 1000, 120000, 1000, 3600000, 32, false, 160, 5000,
                CertLayout.fromEnvironment().nodeDir(),
                32768, 32768, 32768, 16777216, 10, "Qnetd Server", "Cluster Cert", 1000, 120000, 1000, 120000, false);
    }
}
