package org.upright.activity.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class RememberingJwtParserTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** Verifies tokens "valid-<exp seconds>" and fails any other; notes every token it was asked to verify. */
    private static final class Verifier {
        final List<String> verified = new ArrayList<>();

        JsonWebToken verify(String token) throws ParseException {
            verified.add(token);
            if (!token.startsWith("valid-")) {
                throw new ParseException("bad signature");
            }
            Map<String, Object> claims = Map.of(Claims.exp.name(), Long.parseLong(token.substring("valid-".length())));
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return "someone";
                }

                @Override
                public Set<String> getClaimNames() {
                    return claims.keySet();
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String claim) {
                    return (T) claims.get(claim);
                }
            };
        }

        /** A parser whose parse(token) verifies like this; the parser under test calls nothing else. */
        JWTParser asParser() {
            return (JWTParser) Proxy.newProxyInstance(JWTParser.class.getClassLoader(), new Class<?>[] {JWTParser.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("parse") && args.length == 1) {
                            return verify((String) args[0]);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private final Verifier verifier = new Verifier();
    private final MovableClock clock = new MovableClock();
    private final RememberingJwtParser parser = new RememberingJwtParser(verifier.asParser(), Duration.ofSeconds(60), clock);

    private static String validUntil(Instant exp) {
        return "valid-" + exp.getEpochSecond();
    }

    @Test
    void aTokenPostedAgainIsNotVerifiedAgain() throws ParseException {
        String token = validUntil(NOW.plusSeconds(3600));

        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertSame(first, second);
        assertEquals(List.of(token), verifier.verified);
    }

    @Test
    void eachTokenIsVerifiedOnItsOwn() throws ParseException {
        parser.parse(validUntil(NOW.plusSeconds(3600)));
        parser.parse(validUntil(NOW.plusSeconds(3601)));

        assertEquals(2, verifier.verified.size());
    }

    @Test
    void aTokenThatFailedIsVerifiedAgainEveryTime() {
        assertThrows(ParseException.class, () -> parser.parse("forged"));
        assertThrows(ParseException.class, () -> parser.parse("forged"));

        assertEquals(List.of("forged", "forged"), verifier.verified);
    }

    @Test
    void aTokenIsVerifiedAgainOnceTheRememberedTimeIsOver() throws ParseException {
        String token = validUntil(NOW.plusSeconds(3600));

        parser.parse(token);
        clock.now = NOW.plusSeconds(59);
        parser.parse(token);
        assertEquals(1, verifier.verified.size(), "remembered for 60 s");

        clock.now = NOW.plusSeconds(60);
        parser.parse(token);
        assertEquals(2, verifier.verified.size());
    }

    @Test
    void aTokenIsNeverRememberedPastItsExpiry() throws ParseException {
        String token = validUntil(NOW.plusSeconds(10));

        parser.parse(token);
        clock.now = NOW.plusSeconds(9);
        parser.parse(token);
        assertEquals(1, verifier.verified.size());

        clock.now = NOW.plusSeconds(10);
        parser.parse(token);
        assertEquals(2, verifier.verified.size(), "from its exp on, the verifier decides (it allows for clock skew)");
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
