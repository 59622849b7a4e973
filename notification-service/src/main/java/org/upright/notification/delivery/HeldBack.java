package org.upright.notification.delivery;

import java.time.Instant;

/** A delivery was held back until {@code until}: fired in the transaction that recorded it, heard after its commit. */
record HeldBack(Instant until) {
}
