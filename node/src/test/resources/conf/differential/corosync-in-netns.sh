#!/bin/bash
# corosync-in-netns.sh NS CONF OUTDIR MODE LOCAL_ADDRS HOSTNAME
# Runs the real corosync on CONF in a fresh network namespace NS (prefix cfd-) holding only lo and a dummy
# interface with LOCAL_ADDRS (comma separated, 198.18.200.0/22), inside a private mount and UTS namespace
# where tmpfs hides /etc/corosync, /var/lib/corosync, /run, /var/log and /dev/shm. Nothing leaves NS.
#   MODE=run : corosync -f, then corosync-cmapctl > OUTDIR/cmap, then SIGTERM (SIGKILL after 3 s)
#   MODE=test: corosync -t, exit code in OUTDIR/rc
# Output: OUTDIR/rc, OUTDIR/log (corosync's stderr/stdout), OUTDIR/cmap (run mode).
set -u
ns=$1 conf=$2 out=$3 mode=$4 addrs=$5 hn=$6
case $ns in cfd-*) ;; *) echo "namespace must start with cfd-" >&2; exit 2;; esac
mkdir -p "$out"
cleanup() {
    for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
    ip netns del "$ns" 2>/dev/null
}
trap cleanup EXIT
ip netns add "$ns" || exit 3
ip -n "$ns" link set lo up
ip -n "$ns" link add d0 type veth peer name d1
ip -n "$ns" link set d1 up
for a in ${addrs//,/ }; do ip -n "$ns" addr add "$a/22" dev d0; done
ip -n "$ns" link set d0 up
export conf out mode hn
ip netns exec "$ns" unshare --mount --uts --propagation private bash -c '
    set -u
    [ -n "$hn" ] && hostname "$hn"
    for d in /run /var/log /var/lib/corosync /etc/corosync /dev/shm; do mount -t tmpfs cfd "$d" || exit 4; done
    mkdir -p /var/log/corosync /var/log/cluster /run/corosync
    for f in $(sed -n "s/^[[:space:]]*logfile:[[:space:]]*\(\/[^[:space:]]*\)[[:space:]]*$/\1/p" "$conf"); do
        mkdir -p "$(dirname "$f")"
    done
    cp "$conf" /etc/corosync/corosync.conf
    head -c 256 /dev/urandom > /etc/corosync/authkey && chmod 400 /etc/corosync/authkey
    if [ "$mode" = test ]; then
        timeout 20 corosync -t > "$out/log" 2>&1; echo $? > "$out/rc"
        # a file that logs only to its logfile tells why there (the tmpfs goes away with this namespace)
        for f in $(sed -n "s/^[[:space:]]*logfile:[[:space:]]*\(\/[^[:space:]]*\)[[:space:]]*$/\1/p" "$conf"); do
            [ -f "$f" ] && cat "$f" >> "$out/log"
        done
        exit 0
    fi
    corosync -f > "$out/log" 2>&1 &
    pid=$!
    ok=0
    for i in $(seq 1 100); do
        if ! kill -0 $pid 2>/dev/null; then break; fi
        if corosync-cmapctl > "$out/cmap.tmp" 2>/dev/null; then ok=1; break; fi
        sleep 0.1
    done
    if [ $ok = 1 ]; then mv "$out/cmap.tmp" "$out/cmap"; fi
    kill -TERM $pid 2>/dev/null
    for i in $(seq 1 30); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
    kill -9 $pid 2>/dev/null
    wait $pid; rc=$?
    [ $ok = 1 ] && echo 0 > "$out/rc" || echo "$rc" > "$out/rc"
'
