package org.quorate.deploy.staging;

import java.util.List;

/**
 * One command a package installs: its launcher name, the package it belongs to and the main class the
 * launcher runs. The man page generator runs {@code --help} through the same main class, so the page and
 * the program cannot drift apart.
 *
 * @param name      the command, e.g. {@code corosync-qnetd}
 * @param component {@code qnetd} or {@code qdevice}: which jar and package
 * @param mainClass the class the launcher in {@code src/deb/<component>/bin/<name>} runs
 * @param setsProg  whether the launcher passes {@code -Dquorate.prog=<name>} (the certutils print it)
 */
public record Command(String name, String component, String mainClass, boolean setsProg) {
    public static final List<Command> ALL = List.of(
            new Command("corosync-qnetd", "qnetd", "org.quorate.qnetd.daemon.QnetdMain", false),
            new Command("corosync-qnetd-tool", "qnetd", "org.quorate.qnetd.admin.QnetdTool", false),
            new Command("corosync-qnetd-certutil", "qnetd", "org.quorate.certs.cli.QnetdCertutil", true),
            new Command("corosync-qdevice", "qdevice", "org.quorate.qdevice.daemon.QdeviceMain", false),
            new Command("corosync-qdevice-tool", "qdevice", "org.quorate.qdevice.admin.QdeviceTool", false),
            new Command("corosync-qdevice-net-certutil", "qdevice", "org.quorate.certs.cli.QdeviceNetCertutil", true));

    /** The file name of the shaded jar, e.g. {@code quorate-qnetd.jar}. */
    public String jarName() {
        return "quorate-" + component + ".jar";
    }

    /** The Debian package that installs this command. */
    public String debianPackage() {
        return "corosync-" + component;
    }
}
