package org.quorate.conf;

/**
 * Which rules apply to the items of a section while flattening (coroparse.c's
 * {@code main_cp_cb_data_state}). A section gets a scope from its full path; a section with no rule of its
 * own inherits its parent's scope, exactly as corosync passes the state down.
 */
enum CmapScope {
    NORMAL, TOTEM, INTERFACE, MEMBER, LOGGER_SUBSYS, LOGGING_DAEMON, UIDGID, QUORUM, QDEVICE, NODELIST,
    NODELIST_NODE, SYSTEM, RESOURCES, RESOURCES_SYSTEM, RESOURCES_PROCESS;

    /** The scope of the section at {@code path} inside a section of scope {@code parent}. */
    static CmapScope enter(String path, CmapScope parent) {
        return switch (path) {
            case "totem" -> TOTEM;
            case "totem.interface" -> INTERFACE;
            case "totem.interface.member" -> MEMBER;
            case "system" -> SYSTEM;
            case "logging.logger_subsys" -> LOGGER_SUBSYS;
            case "logging.logging_daemon" -> LOGGING_DAEMON;
            case "uidgid" -> UIDGID;
            case "quorum" -> QUORUM;
            case "quorum.device" -> QDEVICE;
            case "nodelist" -> NODELIST;
            case "nodelist.node" -> NODELIST_NODE;
            case "resources" -> RESOURCES;
            case "resources.system", "resources.system.memory_used" -> RESOURCES_SYSTEM;
            case "resources.process", "resources.process.memory_used" -> RESOURCES_PROCESS;
            default -> parent;
        };
    }
}
