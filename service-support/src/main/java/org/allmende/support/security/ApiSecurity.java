package org.allmende.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.allmende.support.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The common shape of both services' REST security: HTTP Basic against the configured logins, no session, and
 * 401/403 answered as problem details (a denial is also logged, with the login and the path).
 */
public final class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    private ApiSecurity() {}

    public static HttpSecurity statelessBasic(HttpSecurity http, AuthenticationManager logins) throws Exception {
        return http.authenticationManager(logins)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthorized(response)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // A stateless API authenticated by a header on every call is not exposed to CSRF.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint((request, response, e) -> unauthorized(response))
                                .accessDeniedHandler((request, response, e) -> forbidden(request, response)));
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"allmende\"");
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                "urn:allmende:problem:unauthenticated",
                "Unauthenticated",
                "Log in to use this endpoint.");
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn(
                "access denied: {} {} for login {}",
                request.getMethod(),
                request.getRequestURI(),
                request.getRemoteUser());
        write(
                response,
                HttpStatus.FORBIDDEN,
                "urn:allmende:problem:forbidden",
                "Forbidden",
                "Your login may not do this.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        var correlation = CorrelationId.current();
        var body = "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\""
                + (correlation == null ? "" : ",\"correlationId\":\"" + correlation + "\"")
                + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
