package org.quorate.qnetd.admin;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.quorate.ipc.IpcCommandHandler;
import org.quorate.ipc.IpcReply;

import static org.quorate.ipc.IpcLexer.keyword;

/**
 * qnetd's IPC commands (spec §12.1): {@code shutdown}, {@code status [verbose]} and
 * {@code list [verbose] [cluster <name>]…}, plus the Quorate extension word {@code json} after
 * {@code status} or {@code list} which selects the JSON form ({@link QnetdStatusJson}). The C
 * daemon looks at one word after {@code status}; here the option words are consumed while they
 * are {@code verbose} or {@code json}, which gives the same result for every request the C tool
 * sends.
 */
public final class QnetdIpcProtocol implements IpcCommandHandler {
    static final String STATUS_FAILED = "Can't get QNetd status";
    static final String LIST_FAILED = "Can't get QNetd cluster list";

    private final QnetdAdminCommands commands;
    private final Duration snapshotTimeout;

    /**
     * @param snapshotTimeout how long to wait for the event loop before answering with the
     *                        command's error (a stuck daemon must not hang the tool forever)
     */
    public QnetdIpcProtocol(QnetdAdminCommands commands, Duration snapshotTimeout) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.snapshotTimeout = snapshotTimeout;
    }

    @Override
    public CompletableFuture<IpcReply> handle(List<String> words) {
        if (words.isEmpty()) {
            return done(IpcReply.error("No command specified"));
        }
        String command = words.get(0);
        if (keyword(command, "shutdown")) {
            return done(IpcReply.ok("", null).thenRun(commands::shutdown));
        }
        if (keyword(command, "status")) {
            return status(words.subList(1, words.size()));
        }
        if (keyword(command, "list")) {
            return list(words.subList(1, words.size()));
        }
        return done(IpcReply.error("Unknown command '" + command + "'"));
    }

    private CompletableFuture<IpcReply> status(List<String> args) {
        boolean verbose = false;
        boolean json = false;
        for (String word : args) {
            if (keyword(word, "verbose")) {
                verbose = true;
            } else if (keyword(word, "json")) {
                json = true;
            } else {
                break;
            }
        }
        boolean v = verbose;
        return answer(json ? QnetdStatusJson::status : s -> QnetdStatusFormatter.status(s, v), STATUS_FAILED);
    }

    private CompletableFuture<IpcReply> list(List<String> args) {
        boolean verbose = false;
        boolean json = false;
        String cluster = null;
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (keyword(word, "verbose")) {
                verbose = true;
            } else if (keyword(word, "json")) {
                json = true;
            } else if (keyword(word, "cluster")) {
                // A missing name is the lexer's empty word: no filter, as in C.
                cluster = i + 1 < args.size() ? args.get(++i) : "";
            } else {
                break;
            }
        }
        boolean v = verbose;
        String c = cluster;
        return answer(json ? s -> QnetdStatusJson.list(s, c) : s -> QnetdStatusFormatter.list(s, v, c), LIST_FAILED);
    }

    private CompletableFuture<IpcReply> answer(Function<QnetdStatusSnapshot, String> render, String failure) {
        CompletableFuture<QnetdStatusSnapshot> snapshot;
        try {
            snapshot = commands.snapshot();
        } catch (RuntimeException e) {
            return done(IpcReply.error(failure));
        }
        return snapshot
                .orTimeout(snapshotTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenApply(s -> IpcReply.ok(render.apply(s), failure))
                .exceptionally(e -> IpcReply.error(failure));
    }

    private static CompletableFuture<IpcReply> done(IpcReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
