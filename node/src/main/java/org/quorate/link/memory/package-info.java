/**
 * The link layer's in-memory twin: {@link org.quorate.link.memory.InMemoryLinkLayer} has the same interface as
 * the real engine, with messages handed over directly on a scheduler and reachability set by the test through
 * an {@link org.quorate.link.memory.InMemoryLinkHub} (partition, heal, one-way cuts, seeded loss and delay).
 * For the membership layer's tests, where links are not the subject.
 */
package org.quorate.link.memory;
