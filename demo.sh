#!/usr/bin/env bash
# Quick start: build Quorate and run its qnetd on embedded defaults (TLS on, CA and server certificate
# created on first start), with all state in ./var so nothing outside this checkout is touched.
#   ./demo.sh            build (if needed) and run qnetd in the foreground on port 5403
#   ./demo.sh --rebuild  force a rebuild first
# Stop it with Ctrl-C, or from another terminal: qnetd/src/main/scripts/corosync-qnetd-tool -H -p var/run/corosync-qnetd.sock
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if ((${#need[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "demo.sh: missing ${need[*]}; run it with sudo once, or: sudo apt-get install -y ${need[*]}" >&2
        exit 1
    fi
    echo "demo.sh: installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

if [[ ${1:-} == --rebuild || ! -f qnetd/target/quorate-qnetd.jar ]]; then
    echo "demo.sh: building (mvn -DskipTests package)"
    mvn -B -q -DskipTests package
fi

export QUORATE_COROSYNC_CONF_DIR="$root/var/etc/corosync"
export QUORATE_RUN_DIR="$root/var/run"
mkdir -p "$QUORATE_COROSYNC_CONF_DIR/qnetd/nssdb" "$QUORATE_RUN_DIR"
cat <<INFO
demo.sh: starting Quorate qnetd on port 5403 (TLS on; certificates in var/etc/corosync/qnetd/nssdb)
  status:   qnetd/src/main/scripts/corosync-qnetd-tool -s -v -p var/run/corosync-qnetd.sock
  clusters: qnetd/src/main/scripts/corosync-qnetd-tool -l -v -p var/run/corosync-qnetd.sock
  JSON:     qnetd/src/main/scripts/corosync-qnetd-tool -s --output-format json-pretty -p var/run/corosync-qnetd.sock
  enrol a cluster: see README.md, "Setting up a cluster"
INFO
if [[ ${1:-} == --rebuild ]]; then shift; fi
exec qnetd/src/main/scripts/corosync-qnetd -f -S metrics_address=127.0.0.1:9403 "$@"
