package org.quorate.ipc;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Answers one parsed IPC request. Called on the IPC thread; it must not block: state that lives
 * on the daemon's event loop is obtained through a future the event loop completes.
 */
@FunctionalInterface
public interface IpcCommandHandler {
    /**
     * @param words the request words (never containing an empty word; an empty list is a request
     *              without a command)
     */
    CompletableFuture<IpcReply> handle(List<String> words);
}
