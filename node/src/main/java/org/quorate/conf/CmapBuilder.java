package org.quorate.conf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Flattens a parsed tree into cmap keys as coroparse.c's {@code main_config_parser_cb} does: dotted paths,
 * integers converted and range-checked at parse time, {@code nodelist.node} sections numbered in file
 * order, {@code totem.interface} sections buffered until their '}' and stored under their
 * {@code linknumber}, {@code logger_subsys} stored under its {@code subsys}. The buffers are single, as in
 * corosync, so nested oddities (a section inside an interface) behave as corosync's do.
 */
final class CmapBuilder {
    private final String file;
    private final UserDb users;
    private final TreeMap<String, CmapEntry> map = new TreeMap<>();

    // totem.interface buffer (main_cp_cb_data)
    private int linknumber;
    private String bindnetaddr;
    private String mcastaddr;
    private String broadcast;
    private String knetTransport;
    private final long[] linkInts = new long[LinkInt.values().length];
    private final List<String> members = new ArrayList<>();

    // logging.logger_subsys / logging_daemon buffer; items are kept newest first, as qb_list_add does
    private final List<String[]> subsysItems = new ArrayList<>();
    private String subsys;
    private String daemonName;

    private int nodeNumber;

    /** The interface integers buffered until '}', with their types; -1 = not given. */
    private enum LinkInt {
        MCASTPORT("mcastport", CmapType.U16), TTL("ttl", CmapType.U8),
        KNET_LINK_PRIORITY("knet_link_priority", CmapType.U8),
        KNET_PING_INTERVAL("knet_ping_interval", CmapType.U32), KNET_PING_TIMEOUT("knet_ping_timeout", CmapType.U32),
        KNET_PING_PRECISION("knet_ping_precision", CmapType.U32), KNET_PONG_COUNT("knet_pong_count", CmapType.U32);

        final String key;
        final CmapType type;

        LinkInt(String key, CmapType type) {
            this.key = key;
            this.type = type;
        }
    }

    private CmapBuilder(String file, UserDb users) {
        this.file = file;
        this.users = users;
    }

    static SortedMap<String, CmapEntry> flatten(String file, ConfSection root, UserDb users) {
        CmapBuilder b = new CmapBuilder(file, users);
        b.walk(root, "", CmapScope.NORMAL);
        return Collections.unmodifiableSortedMap(b.map);
    }

    private void walk(ConfSection section, String path, CmapScope scope) {
        for (ConfNode child : section.children()) {
            if (child instanceof ConfItem item) {
                item(path, item, scope);
            } else if (child instanceof ConfSection s) {
                if (bytes(path) + bytes(s.name()) + 1 >= LineGrammar.MAX_PATH) {
                    throw grammar(s.line(), path, "Start of section makes total cmap path too long");
                }
                String inner = path.isEmpty() ? s.name() : path + "." + s.name();
                CmapScope innerScope = CmapScope.enter(inner, scope);
                sectionStart(inner);
                walk(s, inner, innerScope);
                sectionEnd(innerScope, s.closeLine());
            }
        }
    }

    private void sectionStart(String path) {
        switch (path) {
            case "totem.interface" -> {
                linknumber = 0;
                java.util.Arrays.fill(linkInts, -1);
                knetTransport = null;
                members.clear();
            }
            case "logging.logger_subsys" -> {
                subsysItems.clear();
                subsys = null;
            }
            case "logging.logging_daemon" -> {
                subsysItems.clear();
                subsys = null;
                daemonName = null;
            }
            case "nodelist" -> nodeNumber = 0;
            default -> {
            }
        }
    }

    private void item(String path, ConfItem item, CmapScope scope) {
        String key = item.key();
        String value = item.value();
        int line = item.line();
        if (bytes(path) + bytes(key) + 1 >= LineGrammar.MAX_PATH) {
            throw grammar(line, path, "New key makes total cmap path too long");
        }
        String full = path.isEmpty() ? key : path + "." + key;
        switch (scope) {
            case INTERFACE -> interfaceItem(full, key, value, line);
            case MEMBER -> {
                if (!key.equals("memberaddr")) {
                    throw grammar(line, full, "Only memberaddr is allowed in member section");
                }
                members.add(0, value);
            }
            case LOGGER_SUBSYS, LOGGING_DAEMON -> {
                if (key.equals("subsys")) {
                    subsys = value;
                } else if (scope == CmapScope.LOGGING_DAEMON && key.equals("name")) {
                    daemonName = value;
                } else {
                    subsysItems.add(0, new String[] {key, value});
                }
            }
            case UIDGID -> uidgid(key, value, line, full);
            case NODELIST_NODE -> {
                String numbered = "nodelist.node." + nodeNumber + "." + key;
                store(numbered, TypedKeys.typeOf(scope, full, key), value, line);
            }
            default -> {
                String refusal = TypedKeys.checkString(scope, full, value);
                if (refusal != null) {
                    throw grammar(line, full, refusal);
                }
                store(full, TypedKeys.typeOf(scope, full, key), value, line);
            }
        }
    }

    private void interfaceItem(String full, String key, String value, int line) {
        switch (full) {
            case "totem.interface.linknumber" -> linknumber = (int) integer(full, CmapType.U8, value, line);
            case "totem.interface.bindnetaddr" -> bindnetaddr = value;
            case "totem.interface.mcastaddr" -> mcastaddr = value;
            case "totem.interface.broadcast" -> broadcast = value;
            case "totem.interface.knet_transport" -> knetTransport = value;
            default -> {
                for (LinkInt li : LinkInt.values()) {
                    if (full.equals("totem.interface." + li.key)) {
                        linkInts[li.ordinal()] = integer(full, li.type, value, line);
                        return;
                    }
                }
                // Anything else (ringnumber included) is stored at once, unnumbered.
                store(full, CmapType.STRING, value, line);
            }
        }
    }

    private void uidgid(String key, String value, int line, String full) {
        OptionalLong id;
        if (key.equals("uid")) {
            id = users.uid(value);
            if (id.isEmpty()) {
                throw grammar(line, full, "The '" + value + "' user is not found in /etc/passwd, please read the documentation.");
            }
        } else if (key.equals("gid")) {
            id = users.gid(value);
            if (id.isEmpty()) {
                throw grammar(line, full, "The '" + value + "' group is not found in /etc/group, please read the documentation.");
            }
        } else {
            throw grammar(line, full, "uidgid: Only uid and gid are allowed items");
        }
        store("uidgid.config." + key + "." + id.getAsLong(), CmapType.U8, "1", line);
    }

    private void sectionEnd(CmapScope scope, int closeLine) {
        switch (scope) {
            case INTERFACE -> {
                String prefix = "totem.interface." + linknumber + ".";
                storeIfSet(prefix + "bindnetaddr", bindnetaddr, closeLine);
                storeIfSet(prefix + "mcastaddr", mcastaddr, closeLine);
                storeIfSet(prefix + "broadcast", broadcast, closeLine);
                bindnetaddr = null;
                mcastaddr = null;
                broadcast = null;
                for (LinkInt li : LinkInt.values()) {
                    if (linkInts[li.ordinal()] > -1) {
                        store(prefix + li.key, li.type, Long.toString(linkInts[li.ordinal()]), closeLine);
                    }
                }
                storeIfSet(prefix + "knet_transport", knetTransport, closeLine);
                knetTransport = null;
                for (int i = 0; i < members.size(); i++) {
                    store(prefix + "member." + i, CmapType.STRING, members.get(i), closeLine);
                }
                members.clear();
            }
            case LOGGER_SUBSYS -> {
                if (subsys == null) {
                    throw grammar(closeLine, "logging.logger_subsys", "No subsys key in logger_subsys directive");
                }
                for (String[] kv : subsysItems) {
                    store("logging.logger_subsys." + subsys + "." + kv[0], CmapType.STRING, kv[1], closeLine);
                }
                store("logging.logger_subsys." + subsys + ".subsys", CmapType.STRING, subsys, closeLine);
                subsys = null;
            }
            case LOGGING_DAEMON -> loggingDaemonEnd(closeLine);
            case NODELIST_NODE -> nodeNumber++;
            default -> {
            }
        }
    }

    private void loggingDaemonEnd(int closeLine) {
        if (daemonName == null) {
            throw grammar(closeLine, "logging.logging_daemon", "No name key in logging_daemon directive");
        }
        boolean corosync = daemonName.equals("corosync");
        String base;
        if (subsys == null) {
            base = corosync ? "logging." : "logging.logging_daemon." + daemonName + ".";
        } else {
            base = corosync ? "logging.logger_subsys." + subsys + "."
                : "logging.logging_daemon." + daemonName + "." + subsys + ".";
        }
        for (String[] kv : subsysItems) {
            store(base + kv[0], CmapType.STRING, kv[1], closeLine);
        }
        if (subsys == null) {
            if (!corosync) {
                store(base + "name", CmapType.STRING, daemonName, closeLine);
            }
        } else {
            store(base + "subsys", CmapType.STRING, subsys, closeLine);
            if (!corosync) {
                store(base + "name", CmapType.STRING, daemonName, closeLine);
            }
        }
        subsys = null;
        daemonName = null;
    }

    private void storeIfSet(String key, String value, int line) {
        if (value != null) {
            store(key, CmapType.STRING, value, line);
        }
    }

    private long integer(String key, CmapType type, String value, int line) {
        String n = type.normalize(value);
        if (n == null) {
            throw new ConfException(ConfException.Stage.VALUE, file, line, key, type.rangeMessage(key, value));
        }
        return Long.parseLong(n);
    }

    private void store(String key, CmapType type, String value, int line) {
        String stored = value;
        if (type.isInteger()) {
            stored = type.normalize(value);
            if (stored == null) {
                throw new ConfException(ConfException.Stage.VALUE, file, line, key, type == CmapType.U64
                    // corosync 3.1.7 aborts on an assertion here (coroparse.c's atoi_error has no range for
                    // u64); we refuse with the message it would have printed.
                    ? "Value of key \"" + key + "\" is expected to be integer in range (0..18446744073709551615), but \""
                        + value + "\" was given"
                    : type.rangeMessage(key, value));
            }
        }
        if (!map.containsKey(key) && !validName(key)) {
            throw grammar(line, key, "Can't store key \"" + key + "\" into icmap, returned error is CS_ERR_NAME_TOO_LONG");
        }
        map.put(key, new CmapEntry(key, type, stored, line));
    }

    /** icmap_check_key_name: 3..255 bytes of [A-Za-z0-9._/:-]. */
    static boolean validName(String key) {
        int n = bytes(key);
        if (n < 3 || n > LineGrammar.MAX_PATH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-' || c == '/' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private ConfException grammar(int line, String key, String reason) {
        return new ConfException(ConfException.Stage.GRAMMAR, file, line, key, reason);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
