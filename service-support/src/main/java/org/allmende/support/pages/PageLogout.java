package org.allmende.support.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * Where a page logout leads (ADR 0030). A local login ends here, on the login page. A login through OpenID Connect
 * ends at its identity provider too (RP-initiated logout): the browser goes on to the provider's {@code
 * end_session_endpoint} with the ID token as {@code id_token_hint} and this service's login page as {@code
 * post_logout_redirect_uri}; without that, the provider's own session would log the next person at this browser
 * straight in again.
 *
 * <p>The endpoint comes from the provider's metadata: discovered at start when the provider is configured by its
 * {@code issuer-uri}, or given as {@code allmende.security.oidc.end-session-endpoints.<registration>} when its
 * endpoints are configured one by one. A provider without one keeps the local logout.
 */
public final class PageLogout {

    static final String LOGGED_OUT = "/login?logout";

    /** The provider sends the browser back here; the provider's client must list it as a post-logout URI. */
    static final String BACK_FROM_PROVIDER = "{baseUrl}" + LOGGED_OUT;

    static final String END_SESSION_ENDPOINT = "end_session_endpoint";

    private final LogoutSuccessHandler successHandler;
    private final List<String> providerOrigins;

    private PageLogout(LogoutSuccessHandler successHandler, List<String> providerOrigins) {
        this.successHandler = successHandler;
        this.providerOrigins = providerOrigins;
    }

    /** Only local logins: back to the login page. */
    public static PageLogout local() {
        var handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(LOGGED_OUT);
        return new PageLogout(handler, List.of());
    }

    /**
     * The logout for the configured providers ({@code null}: none), with end-session endpoints given by
     * configuration for providers whose metadata was not discovered.
     *
     * @throws IllegalStateException when a configured endpoint is no absolute http(s) address, or names no provider
     */
    public static PageLogout of(ClientRegistrationRepository providers, Map<String, String> endSessionEndpoints) {
        var registrations = new ArrayList<ClientRegistration>();
        if (providers instanceof Iterable<?> all) {
            for (var registration : all) {
                registrations.add((ClientRegistration) registration);
            }
        }
        for (var configured : endSessionEndpoints.keySet()) {
            if (registrations.stream().noneMatch(r -> r.getRegistrationId().equals(configured))) {
                throw new IllegalStateException("allmende.security.oidc.end-session-endpoints." + configured
                        + " names no configured OpenID Connect provider");
            }
        }
        if (registrations.isEmpty()) {
            return local();
        }
        var completed = registrations.stream()
                .map(r -> withEndSession(r, endSessionEndpoints.get(r.getRegistrationId())))
                .toList();
        var handler = new OidcClientInitiatedLogoutSuccessHandler(new InMemoryClientRegistrationRepository(completed));
        handler.setDefaultTargetUrl(LOGGED_OUT);
        handler.setPostLogoutRedirectUri(BACK_FROM_PROVIDER);
        var origins = completed.stream()
                .map(PageLogout::endSessionEndpoint)
                .filter(Objects::nonNull)
                .map(PageLogout::origin)
                .distinct()
                .toList();
        return new PageLogout(handler, origins);
    }

    public LogoutSuccessHandler successHandler() {
        return successHandler;
    }

    /** Whether a login through a provider is also ended there. */
    public boolean endsProviderSessions() {
        return successHandler instanceof OidcClientInitiatedLogoutSuccessHandler && !providerOrigins.isEmpty();
    }

    /**
     * The providers' origins: the logout form's answer leads there, and browsers hold a form's redirects to the
     * page's {@code form-action}.
     */
    public List<String> providerOrigins() {
        return providerOrigins;
    }

    private static ClientRegistration withEndSession(ClientRegistration registration, String configured) {
        if (configured == null) {
            return registration;
        }
        var key = "allmende.security.oidc.end-session-endpoints." + registration.getRegistrationId();
        absolute(configured, key);
        var metadata = new HashMap<>(registration.getProviderDetails().getConfigurationMetadata());
        metadata.put(END_SESSION_ENDPOINT, configured);
        return ClientRegistration.withClientRegistration(registration)
                .providerConfigurationMetadata(metadata)
                .build();
    }

    private static String endSessionEndpoint(ClientRegistration registration) {
        var endpoint =
                registration.getProviderDetails().getConfigurationMetadata().get(END_SESSION_ENDPOINT);
        return endpoint == null ? null : endpoint.toString();
    }

    private static String origin(String endpoint) {
        var uri = absolute(endpoint, END_SESSION_ENDPOINT);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static URI absolute(String endpoint, String what) {
        try {
            var uri = new URI(endpoint);
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new IllegalStateException(what + " is no absolute http(s) address: " + endpoint);
    }
}
