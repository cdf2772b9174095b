package org.quorate.link.config;

import org.quorate.conf.ConfDocument;
import org.quorate.conf.CorosyncConfig;
import org.quorate.conf.LocalNode;
import org.quorate.conf.NodeConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * This host's node id when none is given: corosync's find_local_node over uname -n and the
 * addresses of the local interfaces (org.quorate.conf.LocalNode), without reverse DNS.
 */
final class LocalNodeId {
    private LocalNodeId() {
    }

    static int find(ConfDocument doc, CorosyncConfig conf) {
        OptionalInt position = LocalNode.find(doc, hostName(), interfaceAddresses(), a -> null);
        if (position.isEmpty()) {
            throw new LinkConfigException(doc.fileName() + ": no node of the nodelist is this host (name "
                    + hostName() + ", addresses " + interfaceAddresses() + "); give its node id");
        }
        for (NodeConfig n : conf.nodes()) {
            if (n.position() == position.getAsInt() && n.nodeId().isPresent()) {
                return (int) n.nodeId().getAsLong();
            }
        }
        throw new LinkConfigException(doc.fileName() + ": nodelist.node." + position.getAsInt()
                + " is this host but has no nodeid; give it");
    }

    /** uname -n, as the kernel has it for this UTS namespace. */
    static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "localhost";
            }
        }
    }

    static List<String> interfaceAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    String text = a.getHostAddress();
                    int scope = text.indexOf('%');
                    out.add(scope < 0 ? text : text.substring(0, scope));
                }
            }
        } catch (SocketException e) {
            // no interfaces to match: the host name alone decides
        }
        return out;
    }
}
