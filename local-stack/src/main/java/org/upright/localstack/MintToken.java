package org.upright.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code ./upright token <user id> [admin]}: prints a JWT for the person, signed with the local
 * stack's key and valid for 12 hours. Local use only; production tokens come from an OIDC provider.
 */
public final class MintToken {

    private MintToken() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !"admin".equals(args[1]))) {
            System.err.println("usage: ./upright token <user id> [admin]");
            System.exit(2);
        }
        Set<String> groups = args.length == 2 ? Set.of("user", "admin") : Set.of("user");
        Path stateDir = Path.of(System.getProperty("upright.root", ".")).toAbsolutePath().resolve(".upright");
        System.out.println(LocalStack.jwtKeys(stateDir).mint(args[0], groups, Duration.ofHours(12)));
    }
}
