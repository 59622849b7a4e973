package org.upright.activity;

import java.time.Duration;

/** The service's own long-running loops: each on a daemon thread of its own, which pauses between tries. */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    public static Thread start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** @return false if the thread was interrupted meanwhile, which means it should stop */
    public static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
