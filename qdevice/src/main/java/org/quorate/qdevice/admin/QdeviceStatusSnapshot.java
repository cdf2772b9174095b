package org.quorate.qdevice.admin;

import java.util.Objects;

/**
 * An immutable picture of a running corosync-qdevice for {@code corosync-qdevice-tool -s},
 * taken on the daemon's event loop and formatted on the IPC thread.
 */
public record QdeviceStatusSnapshot(QdeviceInfo device, QdeviceNetInfo net) {
    public QdeviceStatusSnapshot {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(net, "net");
    }
}
