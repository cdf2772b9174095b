package org.quorate.qdevice.admin;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.quorate.ipc.IpcCommandHandler;
import org.quorate.ipc.IpcReply;

import static org.quorate.ipc.IpcLexer.keyword;

/**
 * qdevice's IPC commands (spec §12.1): {@code shutdown} and {@code status [verbose]}, plus the
 * Quorate extension word {@code json} after {@code status} ({@link QdeviceStatusJson}). Option
 * words are consumed while they are {@code verbose} or {@code json}.
 */
public final class QdeviceIpcProtocol implements IpcCommandHandler {
    static final String STATUS_FAILED = "Can't get QDevice status";

    private final QdeviceAdminCommands commands;
    private final Duration snapshotTimeout;
    private final ZoneId zone;

    /**
     * @param zone the zone the text form prints times in (the C daemon uses local time)
     */
    public QdeviceIpcProtocol(QdeviceAdminCommands commands, Duration snapshotTimeout, ZoneId zone) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.snapshotTimeout = snapshotTimeout;
        this.zone = zone;
    }

    @Override
    public CompletableFuture<IpcReply> handle(List<String> words) {
        if (words.isEmpty()) {
            return CompletableFuture.completedFuture(IpcReply.error("No command specified"));
        }
        String command = words.get(0);
        if (keyword(command, "shutdown")) {
            return CompletableFuture.completedFuture(IpcReply.ok("", null).thenRun(commands::shutdown));
        }
        if (!keyword(command, "status")) {
            return CompletableFuture.completedFuture(IpcReply.error("Unknown command '" + command + "'"));
        }
        boolean verbose = false;
        boolean json = false;
        for (String word : words.subList(1, words.size())) {
            if (keyword(word, "verbose")) {
                verbose = true;
            } else if (keyword(word, "json")) {
                json = true;
            } else {
                break;
            }
        }
        boolean v = verbose;
        boolean j = json;
        CompletableFuture<QdeviceStatusSnapshot> snapshot;
        try {
            snapshot = commands.snapshot();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(IpcReply.error(STATUS_FAILED));
        }
        return snapshot.orTimeout(snapshotTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(s -> IpcReply.ok(j ? QdeviceStatusJson.status(s)
                        : QdeviceStatusFormatter.status(s, v, zone), STATUS_FAILED))
                .exceptionally(e -> IpcReply.error(STATUS_FAILED));
    }
}
