package org.upright.advice.outbox;

/** Fired when a transaction wrote to the outbox; observed after it commits. */
public record OutboxWritten() {
}
