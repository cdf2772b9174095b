/**
 * Immutable QNet messages: one record per message type under the sealed
 * {@link org.quorate.protocol.message.QnetMessage}. Null fields are absent options; see
 * {@link org.quorate.protocol.message.Messages} for the usual shapes.
 */
package org.quorate.protocol.message;
