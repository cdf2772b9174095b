package org.quorate.votequorum;

import org.quorate.state.TransitionTable;

/** The local quorum device's registration (node-and-link spec §2.9). */
enum DeviceRegistration {
    UNREGISTERED,
    /** QDEVICE_REG multicast, waiting for it to come back in agreed order. */
    PENDING,
    REGISTERED;

    static final TransitionTable<DeviceRegistration> TABLE = TransitionTable.of(DeviceRegistration.class)
            .allow(UNREGISTERED).to(PENDING)
            .allow(PENDING).to(REGISTERED)
            .allow(PENDING, REGISTERED).to(UNREGISTERED)
            .build();
}
