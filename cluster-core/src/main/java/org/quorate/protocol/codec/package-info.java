/**
 * The byte-exact QNet codec (spec §1–§3).
 *
 * <p>Pipelines. qnetd: {@code [QnetFrameDecoder.forServer(32768), QnetMessageEncoder.INSTANCE,
 * handler]}; qdevice: {@code [QnetFrameDecoder.forClient(32768), QnetMessageEncoder.INSTANCE,
 * handler]}, then {@code setMaxMessageSize(serverMaximumReplySize)} after a good INIT_REPLY.
 *
 * <p>A qnetd handler receives three kinds of inbound objects:
 * <ul>
 *   <li>{@link org.quorate.protocol.message.QnetMessage}: restart the dead-peer timer, check the
 *       required options (null fields) and dispatch;</li>
 *   <li>{@link org.quorate.protocol.codec.SkippedFrame}: do NOT restart the timer; reply
 *       {@code Messages.serverError(null, skipped.serverErrorCode())}; keep the connection;</li>
 *   <li>{@link org.quorate.protocol.codec.UndecodableMessage}: restart the timer; reply
 *       {@code Messages.serverError(bad.seq(), ERROR_DECODING_MSG)}; keep the connection.</li>
 * </ul>
 * After a {@link org.quorate.protocol.message.StartTls} the server decoder pauses; the handler
 * must call {@code decoder.switchToTls(sslContext.newHandler(alloc))} or, when it rejects the
 * STARTTLS, {@code decoder.resumePlaintext()}.
 *
 * <p>A qdevice client sends STARTTLS with {@code writeAndFlush} and then adds its SslHandler with
 * {@code pipeline.addFirst}: the frame has already left the pipeline, so it goes out in plaintext.
 * With the client policy, bad input surfaces as {@link org.quorate.protocol.codec.QnetDecodeException}
 * in {@code exceptionCaught}; its {@code reason()} picks the disconnect reason.
 */
package org.quorate.protocol.codec;
