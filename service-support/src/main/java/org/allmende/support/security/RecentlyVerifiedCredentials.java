package org.allmende.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers, for a short time, that a login's password was checked: a stateless API with HTTP Basic would otherwise
 * run bcrypt — deliberately slow — on every request (a third of the CPU under load, measured). Only successful checks
 * are remembered, as a salted SHA-256 of the password with a salt that lives only in this process; a different
 * password, an unknown login or an expired entry goes to bcrypt again. Logins come from configuration, so a changed
 * password means a restart, which forgets everything (ADR 0008).
 */
public final class RecentlyVerifiedCredentials implements AuthenticationProvider {

    private record Verified(byte[] digest, Authentication result, Instant until) {}

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration remember;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public RecentlyVerifiedCredentials(AuthenticationProvider delegate, Duration remember, Clock clock) {
        this.delegate = delegate;
        this.remember = remember;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password) || remember.isZero()) {
            return delegate.authenticate(authentication);
        }
        var name = authentication.getName();
        var digest = digest(name, password);
        var known = verified.get(name);
        if (known != null && clock.instant().isBefore(known.until()) && MessageDigest.isEqual(known.digest(), digest)) {
            return known.result();
        }
        var result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(name, new Verified(digest, result, clock.instant().plus(remember)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication)
                && delegate.supports(authentication);
    }

    private byte[] digest(String name, String password) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
