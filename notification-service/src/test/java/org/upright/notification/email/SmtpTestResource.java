package org.upright.notification.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.upright.localinfra.FreePorts;

/** A real SMTP server (GreenMail) on a free port, and the mailer pointed at it instead of its mock. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    /** The server the test class's mail goes to. */
    static GreenMail server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        int port = FreePorts.pick();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port), "quarkus.mailer.tls", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
