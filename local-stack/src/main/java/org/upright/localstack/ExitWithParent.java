package org.upright.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class in this JVM and exits, through the normal shutdown hooks, when standard
 * input closes. A service started this way stops when the stack that started it stops, and also
 * when that stack dies without a chance to stop it.
 *
 * <p>Usage: {@code ExitWithParent <main class> [args...]}
 */
public final class ExitWithParent {

    private ExitWithParent() {
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(ExitWithParent::exitWhenInputCloses, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenInputCloses() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing to read: the stream only tells whether the parent is alive
            }
        } catch (IOException parentGone) {
            // same as end of stream
        }
        System.exit(0);
    }
}
