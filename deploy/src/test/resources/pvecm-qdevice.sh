#!/bin/bash
# pvecm-qdevice.sh - the command sequence of Proxmox VE's `pvecm qdevice setup <address>` and
# `pvecm qdevice remove`, for hosts without Proxmox (it is not in Debian). Run as root on a cluster node.
#
#   pvecm-qdevice.sh setup <address>      pvecm qdevice setup <address>   (no --force, no --network)
#   pvecm-qdevice.sh remove               pvecm qdevice remove
#
# Environment (what Proxmox gets from its cluster file system, pmxcfs):
#   PVECM_MEMBERS  "name=ip name=ip ..."  PVE::Cluster::get_members(): every configured node with its cluster IP
#                  (all taken as online; this script does not check membership)
#   PVE_DIR        stand-in for /etc/pve (default /etc/pve), a plain directory on every member
#   PVECM_STEPS    file that gets one line per command: "<step>\t<exit code>\t<noerr|fatal>\t<command>"
#                  (default /dev/null); noerr: pvecm ignores the command's failure
#
# Where every step comes from: proxmox/pve-cluster src/PVE/CLI/pvecm.pm, subs setup_qdevice and
# remove_qdevice (read at commit 05ad6c9c), and /work/shared/spec/node-and-link.md sections 6.0, 6.7, 6.8
# and 1.3. Step numbers below are those of the spec's table in 6.7. Commands, flags and file names are
# pvecm's; run_command() in PVE::Tools dies with "command '...' failed: exit code N" unless noerr is set,
# which run() below does the same way.
#
# What is emulated, not Proxmox code (marked "pmxcfs:" in the step log):
#   - pmxcfs replicates /etc/pve to every member. Here pmxcfs_sync copies $PVE_DIR to the other members over
#     ssh after every write to it (pvecm steps 2, 4, 10, 12, 13; remove step 2).
#   - pmxcfs copies /etc/pve/corosync.conf to /etc/corosync/corosync.conf on every node when its
#     config_version is not lower, and on the node that wrote it waits 1 s and runs `corosync-cfgtool -R`
#     (pve-cluster src/pmxcfs/dcdb.c, cfs-utils.c; spec 1.3). pmxcfs_corosync_conf does both.
#   - PVE::Corosync::atomic_write_conf (config_version + 1, write .new, rename) is done with python3 on
#     corosync's own brace syntax; the quorum.device section is written in Proxmox's canonical form (sorted
#     keys, two-space indent). Proxmox rewrites the whole file sorted; this keeps the rest of the file as is.
#   - the cluster lock (cfs_lock_file 'corosync.conf', 10 s) and /var/lock/pvecm.lock are not taken: one
#     writer only in the tests.
set -u

PVE_DIR=${PVE_DIR:-/etc/pve}
PVECM_STEPS=${PVECM_STEPS:-/dev/null}
clusterconf="$PVE_DIR/corosync.conf"

die() { echo "$*" >&2; exit 255; }   # perl's die in a CLI handler: message on stderr, exit code 255

# run STEP [noerr] CMD...: run_command() of PVE::Tools (stdout and stderr through), logged to PVECM_STEPS
run() {
    local step=$1 noerr=0 rc
    shift
    if [ "$1" = noerr ]; then noerr=1; shift; fi
    "$@" </dev/null   # run_command gives the command no terminal input (and ssh must not eat the member list)
    rc=$?
    printf '%s\t%s\t%s\t%s\n' "$step" "$rc" "$([ $noerr -eq 1 ] && echo noerr || echo fatal)" "$*" >>"$PVECM_STEPS"
    if [ $rc -ne 0 ] && [ $noerr -eq 0 ]; then
        die "command '$*' failed: exit code $rc"
    fi
    return 0
}

# run_member STEP [noerr] NODE IP CMD...: run() through PVE::SSHInfo::ssh_info_to_command, whose output
# lines pvecm prefixes with "\nnode '<name>': " (outfunc). No /etc/pve/nodes/<n>/ssh_known_hosts here, so
# the known-hosts options are left out, as pvecm leaves them out when that file does not exist.
run_member() {
    local step=$1 noerr=""
    shift
    if [ "$1" = noerr ]; then noerr=noerr; shift; fi
    local node=$1 ip=$2
    shift 2
    run "$step" $noerr prefix_lines "$node" \
        ssh -e none -o BatchMode=yes -o HostKeyAlias="$node" "root@$ip" -- "$@"
}

prefix_lines() {   # NODE CMD...: stdout lines as pvecm's outfunc prints them; keeps CMD's exit code
    local node=$1 rc
    shift
    "$@" > >(while IFS= read -r line; do printf "\nnode '%s': %s" "$node" "$line"; done)
    rc=$?
    wait
    return $rc
}

members() { for m in $PVECM_MEMBERS; do echo "${m%%=*} ${m#*=}"; done | sort; }   # sorted by name, like pvecm
local_name() { hostname; }

pmxcfs_sync() {    # STEP: replicate $PVE_DIR to every other member (pmxcfs)
    local step=$1 node ip
    while read -r node ip; do
        [ "$node" = "$(local_name)" ] && continue
        run "pmxcfs:$step" sh -c "tar -C '$PVE_DIR' -cf - . | ssh -e none -o BatchMode=yes -o HostKeyAlias='$node' \
root@$ip -- 'rm -rf $PVE_DIR && mkdir -p $PVE_DIR && tar -C $PVE_DIR -xf -'"
    done < <(members)
}

pmxcfs_corosync_conf() {   # STEP: /etc/pve/corosync.conf -> /etc/corosync/corosync.conf everywhere, then reload
    local step=$1 node ip
    pmxcfs_sync "$step"
    while read -r node ip; do
        if [ "$node" = "$(local_name)" ]; then
            run "pmxcfs:$step" cp "$clusterconf" /etc/corosync/corosync.conf
        else
            run "pmxcfs:$step" ssh -e none -o BatchMode=yes -o HostKeyAlias="$node" "root@$ip" -- \
                cp "$clusterconf" /etc/corosync/corosync.conf
        fi
    done < <(members)
    sleep 1
    run "pmxcfs:$step" corosync-cfgtool -R
}

# atomic_write_conf with the quorum.device section set (add) or deleted (remove); prints nothing.
# Exit 3: "QDevice already present" (add), 4: "no QDevice" (remove), 2: no config_version.
edit_conf() {
    python3 - "$clusterconf" "$@" <<'PY'
import os, re, sys
path, action = sys.argv[1], sys.argv[2]
text = open(path).read()

def block(name, src, start=0):
    """(begin, end) of the first 'name {' ... matching '}' in src at or after start, or None."""
    m = re.compile(r'(?m)^[ \t]*' + re.escape(name) + r'[ \t]*\{').search(src, start)
    if not m:
        return None
    depth, i = 0, m.end() - 1
    while i < len(src):
        if src[i] == '{': depth += 1
        elif src[i] == '}':
            depth -= 1
            if depth == 0:
                j = src.find('\n', i)
                return m.start(), (len(src) if j < 0 else j + 1)
        i += 1
    sys.exit("unbalanced braces in " + path)

totem = block('totem', text)
m = totem and re.compile(r'config_version\s*:\s*(\d+)').search(text, totem[0], totem[1])
if not m:
    print("invalid corosync config: unable to read config version", file=sys.stderr); sys.exit(2)
quorum = block('quorum', text)
if quorum is None:
    sys.exit("no quorum section in " + path)
device = block('device', text[:quorum[1]], quorum[0] + 1)
if action == 'add':
    if device:
        sys.exit(3)
    host, algorithm = sys.argv[3], sys.argv[4]
    lines = ["  device {", "    model: net", "    net {", "      algorithm: " + algorithm,
             "      host: " + host, "      tls: on", "    }"]
    if algorithm == 'ffsplit':
        lines.append("    votes: 1")
    lines.append("  }")
    head = text.find('\n', quorum[0]) + 1            # right after 'quorum {': keys sorted, device < provider
    text = text[:head] + "\n".join(lines) + "\n" + text[head:]
else:
    if not device:
        sys.exit(4)
    text = text[:device[0]] + text[device[1]:]
totem = block('totem', text)
m = re.compile(r'config_version\s*:\s*(\d+)').search(text, totem[0], totem[1])
text = text[:m.start(1)] + str(int(m.group(1)) + 1) + text[m.end(1):]
with open(path + '.new', 'w') as f:
    f.write(text)
os.rename(path + '.new', path)
PY
}

qdevice_configured() { python3 -c '
import re, sys
t = open(sys.argv[1]).read()
sys.exit(0 if re.search(r"(?ms)^\s*quorum\s*\{.*?^\s*device\s*\{", t) else 1)' "$clusterconf"; }

setup() {
    local qnetd_addr=$1
    local base_dir=/etc/corosync/qdevice/net
    local db_dir_qnetd=/etc/corosync/qnetd/nssdb
    local db_dir_node=$base_dir/nssdb
    local ca_export_base=qnetd-cacert.crt
    local ca_export_file=$db_dir_qnetd/$ca_export_base
    local crq_file_base=qdevice-net-node.crq
    local p12_file_base=qdevice-net-node.p12
    local qdevice_certutil=corosync-qdevice-net-certutil
    local qnetd_certutil=corosync-qnetd-certutil
    local ssh_cmd=(ssh -o BatchMode=yes -lroot)
    local scp_cmd=(scp -o BatchMode=yes)
    local clustername algorithm count node ip

    # PVE::Corosync::check_conf_exists
    [ -e "$clusterconf" ] || die "Error: Corosync config '$clusterconf' does not exist - is this node part of a cluster?"
    qdevice_configured && die "QDevice already configured!"
    count=$(members | wc -l)
    if [ $((count & 1)) -eq 1 ]; then die "Clusters with an odd node count are not officially supported!"; fi
    algorithm=ffsplit
    clustername=$(sed -n 's/^[[:space:]]*cluster_name[[:space:]]*:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$clusterconf" | head -1)

    run ssh-copy-id ssh-copy-id -i /root/.ssh/id_rsa "root@$qnetd_addr"

    [ -d "$db_dir_node" ] && die "QDevice certificate store already initialised, set force to delete!"

    printf '\nINFO: initializing qnetd server\n'
    run 1 noerr "${ssh_cmd[@]}" "$qnetd_addr" $qnetd_certutil -i

    printf '\nINFO: copying CA cert and initializing on all nodes\n'
    run 2 "${scp_cmd[@]}" "root@[$qnetd_addr]:$ca_export_file" "$PVE_DIR/$ca_export_base"
    pmxcfs_sync 2
    while read -r node ip; do
        run_member 3 noerr "$node" "$ip" $qdevice_certutil -i -c "$PVE_DIR/$ca_export_base"
    done < <(members)
    run 4 rm -f "$PVE_DIR/$ca_export_base"
    pmxcfs_sync 4

    printf '\nINFO: generating cert request\n'
    run 5 $qdevice_certutil -r -n "$clustername"

    printf '\nINFO: copying exported cert request to qnetd server\n'
    run 6 "${scp_cmd[@]}" "$db_dir_node/$crq_file_base" "root@[$qnetd_addr]:/tmp"

    printf '\nINFO: sign and export cluster cert\n'
    run 7 "${ssh_cmd[@]}" "$qnetd_addr" $qnetd_certutil -s -c "/tmp/$crq_file_base" -n "$clustername"

    printf '\nINFO: copy exported CRT\n'
    run 8 "${scp_cmd[@]}" "root@[$qnetd_addr]:$db_dir_qnetd/cluster-$clustername.crt" "$db_dir_node"

    printf '\nINFO: import certificate\n'
    run 9 $qdevice_certutil -M -c "$db_dir_node/cluster-$clustername.crt"

    printf '\nINFO: copy and import pk12 cert to all nodes\n'
    run 10 "${scp_cmd[@]}" "$db_dir_node/$p12_file_base" "$PVE_DIR/"
    pmxcfs_sync 10
    while read -r node ip; do
        run_member 11 "$node" "$ip" $qdevice_certutil -m -c "$PVE_DIR/$p12_file_base"
    done < <(members)
    run 12 rm -f "$PVE_DIR/$p12_file_base"
    pmxcfs_sync 12

    printf '\nINFO: add QDevice to cluster configuration\n'
    edit_conf add "$qnetd_addr" "$algorithm"
    case $? in
        0) printf '13\t0\tfatal\tatomic_write_conf quorum.device\n' >>"$PVECM_STEPS" ;;
        3) die "Qdevice already configured, must be removed before setting up new one!" ;;
        *) die "writing $clusterconf failed" ;;
    esac
    pmxcfs_corosync_conf 13

    while read -r node ip; do
        printf "\nINFO: start and enable corosync qdevice daemon on node '%s'...\n" "$node"
        run_member 14 "$node" "$ip" systemctl start corosync-qdevice
        run_member 14 "$node" "$ip" systemctl enable corosync-qdevice
    done < <(members)

    run 15 corosync-cfgtool -R   # do cluster wide config reload
}

remove() {
    local node ip
    [ -e "$clusterconf" ] || die "Error: Corosync config '$clusterconf' does not exist - is this node part of a cluster?"
    edit_conf remove
    case $? in
        0) printf 'r2\t0\tfatal\tatomic_write_conf -quorum.device\n' >>"$PVECM_STEPS" ;;
        4) die "No QDevice configured!" ;;
        *) die "writing $clusterconf failed" ;;
    esac
    pmxcfs_corosync_conf r2
    while read -r node ip; do   # cleanup qdev state (cert storage), still under the lock in pvecm
        run_member r2 "$node" "$ip" rm -rf /etc/corosync/qdevice
    done < <(members)
    while read -r node ip; do
        run_member r3 "$node" "$ip" systemctl stop corosync-qdevice
        run_member r3 "$node" "$ip" systemctl disable corosync-qdevice
    done < <(members)
    run r4 corosync-cfgtool -R
    printf '\nRemoved Qdevice.\n'
}

case ${1:-} in
    setup) [ $# -eq 2 ] || die "usage: $0 setup <address>"; setup "$2" ;;
    remove) remove ;;
    *) die "usage: $0 setup <address> | remove" ;;
esac
