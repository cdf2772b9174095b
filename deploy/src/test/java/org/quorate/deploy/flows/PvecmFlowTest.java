package org.quorate.deploy.flows;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PvecmFlowTest {
    @Test
    void scriptCommandsReadInTheSpecsShorthand() {
        assertThat(PvecmFlow.shortCommand("prefix_lines node2 ssh -e none -o BatchMode=yes -o HostKeyAlias=node2 "
                + "root@<node2> -- corosync-qdevice-net-certutil -m -c /etc/pve/qdevice-net-node.p12"))
                .isEqualTo("SSH_N(node2) corosync-qdevice-net-certutil -m -c /etc/pve/qdevice-net-node.p12");
        assertThat(PvecmFlow.shortCommand("ssh -o BatchMode=yes -lroot <qnetd> corosync-qnetd-certutil -i"))
                .isEqualTo("SSH_Q corosync-qnetd-certutil -i");
        assertThat(PvecmFlow.shortCommand("sh -c tar -C '/etc/pve' -cf - . | ssh -e none -o BatchMode=yes "
                + "-o HostKeyAlias='node2' root@<node2> -- 'rm -rf /etc/pve && mkdir -p /etc/pve && tar -C /etc/pve -xf -'"))
                .isEqualTo("replicate /etc/pve to node2");
    }
}
