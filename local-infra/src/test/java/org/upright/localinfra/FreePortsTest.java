package org.upright.localinfra;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    /**
     * The kernel may hand a port out again as long as nothing is bound to it; it once gave a broker
     * the same port for both its listeners. It does so about once in 10,000 picks here (Java binds with SO_REUSEADDR), so this asks 50,000 times.
     */
    @Test
    void aPortPickedButNotBoundYetIsNotPickedAgain() {
        for (int i = 0; i < 50_000; i++) {
            int picked = FreePorts.pick();
            assertNotEquals(picked, FreePorts.pickOtherThan(picked));
        }
    }
}
