package org.upright.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.stream.IntStream;

/** Ports on 127.0.0.1. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port nobody listens on right now, chosen by the kernel. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }

    /**
     * A free port that is none of {@code picked}: ports a caller has picked but not bound yet, which
     * the kernel may hand out again (it did once: a broker got the same port for both its listeners).
     */
    public static int pickOtherThan(int... picked) {
        while (true) {
            int port = pick();
            if (IntStream.of(picked).noneMatch(taken -> taken == port)) {
                return port;
            }
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
