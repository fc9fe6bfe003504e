package org.allmende.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class RecentlyVerifiedCredentialsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private RecentlyVerifiedCredentials credentials;

    @BeforeEach
    void setUp() {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var users = new LocalUsers(new LocalUsersProperties(List.of(
                new LocalUsersProperties.LocalUser("vorstand", encoder.encode("geheim"), Set.of(Role.BOARD), null))));
        var passwords = new DaoAuthenticationProvider(users) {
            @Override
            protected void additionalAuthenticationChecks(
                    org.springframework.security.core.userdetails.UserDetails user,
                    UsernamePasswordAuthenticationToken authentication) {
                bcryptChecks.incrementAndGet();
                super.additionalAuthenticationChecks(user, authentication);
            }
        };
        passwords.setPasswordEncoder(encoder);
        var clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        credentials = new RecentlyVerifiedCredentials(passwords, Duration.ofMinutes(5), clock);
    }

    private static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("vorstand", password);
    }

    @Test
    void aVerifiedLoginIsNotCheckedByBcryptAgainWithinFiveMinutes() {
        var first = credentials.authenticate(login("geheim"));
        var second = credentials.authenticate(login("geheim"));

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second.getAuthorities()).extracting(Object::toString).contains("ROLE_BOARD");
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefusedEvenRightAfterTheRightOne() {
        credentials.authenticate(login("geheim"));

        assertThatThrownBy(() -> credentials.authenticate(login("geraten")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("geraten")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void afterFiveMinutesBcryptChecksAgain() {
        credentials.authenticate(login("geheim"));
        now = now.plus(Duration.ofMinutes(5));

        credentials.authenticate(login("geheim"));

        assertThat(bcryptChecks).hasValue(2);
    }
}
