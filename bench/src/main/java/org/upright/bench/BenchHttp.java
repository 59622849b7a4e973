package org.upright.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;

/**
 * The one Vert.x the load generators' clients and the webhook receiver share: a single event loop,
 * as light on the two cores as the services' own. Its threads keep the JVM alive until it is closed.
 */
final class BenchHttp {

    private static Vertx vertx;

    private BenchHttp() {
    }

    static synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        }
        return vertx;
    }

    /** At the end of a benchmark's main. */
    static synchronized void close() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx = null;
        }
    }
}
