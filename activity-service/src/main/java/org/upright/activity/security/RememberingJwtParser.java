package org.upright.activity.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a person's JWT once, then remembers it for {@code upright.jwt.remember-verified-for}
 * (default 60 s) and never past its {@code exp}. A phone app posts with the same token for as long
 * as it lives, and parsing and verifying it was a fifth of activity-service's CPU per event. Only
 * tokens that passed verification are remembered; a remembered token outlives its signing key's
 * removal from the JWKS by that time at most.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberingJwtParser implements JWTParser {

    private static final int MOST_REMEMBERED = 10_000;

    private final JWTParser verifier;
    private final Duration rememberFor;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    @Inject
    RememberingJwtParser(DefaultJWTParser verifier,
                         @ConfigProperty(name = "upright.jwt.remember-verified-for", defaultValue = "60s") Duration rememberFor) {
        this(verifier, rememberFor, Clock.systemUTC());
    }

    RememberingJwtParser(JWTParser verifier, Duration rememberFor, Clock clock) {
        this.verifier = verifier;
        this.rememberFor = rememberFor;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MOST_REMEMBERED).expireAfterWrite(rememberFor).build();
    }

    private record Verified(JsonWebToken token, Instant until) {
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = clock.instant();
        Verified remembered = verified.getIfPresent(token);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.token();
        }
        JsonWebToken parsed = verifier.parse(token);
        Instant until = now.plus(rememberFor);
        if (parsed.getClaim(Claims.exp) instanceof Number expires && Instant.ofEpochSecond(expires.longValue()).isBefore(until)) {
            until = Instant.ofEpochSecond(expires.longValue());
        }
        verified.put(token, new Verified(parsed, until));
        return parsed;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
