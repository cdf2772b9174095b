package org.quorate.conf;

/**
 * Who writes the file, which decides the canonical form an edited document is written in. Both dialects
 * are read with corosync's grammar (that is what corosync does with them); a Proxmox file must also satisfy
 * Proxmox's own, stricter reader (PVE::Corosync::parse_conf).
 */
public enum Dialect {
    /** corosync's own layout: TAB indentation, file order, comments and blank lines kept. */
    COROSYNC,
    /** PVE::Corosync::write_conf's form: keys sorted, two-space indentation, no comments. */
    PROXMOX;

    /**
     * The dialect of {@code text}: Proxmox when the file lives under /etc/pve or is already in Proxmox's
     * canonical form (what pvecm writes is a fixed point of Proxmox's reader and writer), else corosync.
     */
    static Dialect detect(String fileName, String text) {
        if (fileName.startsWith("/etc/pve/")) {
            return PROXMOX;
        }
        try {
            return ProxmoxFormat.write(ProxmoxFormat.read(fileName, text)).equals(text) ? PROXMOX : COROSYNC;
        } catch (ConfException e) {
            return COROSYNC;
        }
    }
}
