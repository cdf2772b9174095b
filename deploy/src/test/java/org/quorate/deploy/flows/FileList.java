package org.quorate.deploy.flows;

/** The files under a directory with mode and owner, one a line, sorted: "-rw------- root:root nssdb/x.p12". */
final class FileList {
    private FileList() {
    }

    static Outcome of(FlowHost host, String dir) {
        return host.sh("[ -e '" + dir + "' ] || { echo '(no " + dir + ")'; exit 0; }; "
                + "find '" + dir + "' -mindepth 1 -printf '%M %u:%g %P\\n' | sort -k3");
    }
}
