package org.upright.localinfra;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The children started here watch their standard input and stop cleanly when it closes. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Closes the child's standard input so it shuts down by itself; kills it if it has not within 30 s. */
    public static void stop(Process process) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
