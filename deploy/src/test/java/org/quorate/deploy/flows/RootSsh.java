package org.quorate.deploy.flows;

import java.util.List;

/**
 * Passwordless root ssh between all hosts of a flow, as crmsh's bootstrap and pvecm's ssh-copy-id leave it:
 * every host gets its own RSA key (/root/.ssh/id_rsa, the file both tools name), every public key is in every
 * authorized_keys, and every host key is in every known_hosts under the host's name and address, so
 * BatchMode ssh and scp never prompt. sshd must already run (the image enables ssh.service).
 */
final class RootSsh {
    private RootSsh() {
    }

    static void connect(List<FlowHost> hosts) {
        StringBuilder authorized = new StringBuilder();
        StringBuilder known = new StringBuilder();
        for (FlowHost h : hosts) {
            h.shOk("mkdir -p -m 700 /root/.ssh && { [ -f /root/.ssh/id_rsa ] || "
                    + "ssh-keygen -q -t rsa -b 3072 -N '' -f /root/.ssh/id_rsa; }");
            authorized.append(h.shOk("cat /root/.ssh/id_rsa.pub").stdout());
            // the host key as this host's own sshd offers it (waits for ssh-keygen -A at boot)
            String keys = h.shOk("for i in $(seq 100); do [ -s /etc/ssh/ssh_host_ed25519_key.pub ] && break; "
                    + "sleep 0.1; done; systemctl start ssh; "
                    + "cat /etc/ssh/ssh_host_*_key.pub").stdout();
            for (String key : keys.split("\n")) {
                String[] t = key.strip().split("\\s+");
                if (t.length >= 2) {
                    known.append(h.name).append(',').append(h.ip()).append(' ').append(t[0]).append(' ')
                            .append(t[1]).append('\n');
                }
            }
        }
        for (FlowHost h : hosts) {
            h.put(authorized.toString().getBytes(), "600", "/root/.ssh/authorized_keys");
            h.put(known.toString().getBytes(), "644", "/root/.ssh/known_hosts");
        }
        for (FlowHost from : hosts) {
            for (FlowHost to : hosts) {
                from.shOk("ssh -o BatchMode=yes root@" + to.name + " true && ssh -o BatchMode=yes root@" + to.ip()
                        + " true");
            }
        }
    }
}
