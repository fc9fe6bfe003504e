package org.allmende.support.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * Which logout the pages get (ADR 0030): the local one without a provider; with one, RP-initiated logout at the
 * provider's end-session endpoint, from its metadata or from configuration — built without asking the provider
 * anything. The redirect itself is checked against a running service in membership's AdmissionPagesIT.
 */
class PageLogoutTest {

    private static final String REALM = "https://login.example.org/realms/kommunalit/protocol/openid-connect";

    @Test
    void withoutAProviderALogoutEndsOnTheLoginPage() {
        var logout = PageLogout.of(null, Map.of());

        assertThat(logout.successHandler()).isNotInstanceOf(OidcClientInitiatedLogoutSuccessHandler.class);
        assertThat(logout.endsProviderSessions()).isFalse();
        assertThat(logout.providerOrigins()).isEmpty();
        assertThat(PageSecurity.contentSecurityPolicy(logout.providerOrigins()))
                .contains("; form-action 'self'; ")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void aProviderWithADiscoveredEndSessionEndpointEndsItsLoginsThere() {
        var discovered = keycloak()
                .providerConfigurationMetadata(Map.of("end_session_endpoint", REALM + "/logout"))
                .build();

        var logout = PageLogout.of(new InMemoryClientRegistrationRepository(discovered), Map.of());

        assertThat(logout.successHandler()).isInstanceOf(OidcClientInitiatedLogoutSuccessHandler.class);
        assertThat(logout.endsProviderSessions()).isTrue();
        assertThat(logout.providerOrigins()).containsExactly("https://login.example.org");
        assertThat(PageSecurity.contentSecurityPolicy(logout.providerOrigins()))
                .contains("; form-action 'self' https://login.example.org; ");
    }

    @Test
    void aProviderConfiguredEndpointByEndpointGetsItsEndSessionEndpointFromConfiguration() {
        var configured = keycloak().build();

        var logout = PageLogout.of(
                new InMemoryClientRegistrationRepository(configured),
                Map.of("kommunalit", "https://sso.kommunal.example:8443/logout"));

        assertThat(logout.endsProviderSessions()).isTrue();
        assertThat(logout.providerOrigins()).containsExactly("https://sso.kommunal.example:8443");
    }

    @Test
    void aProviderWithoutAnyEndSessionEndpointKeepsTheLocalLogout() {
        var logout = PageLogout.of(
                new InMemoryClientRegistrationRepository(keycloak().build()), Map.of());

        assertThat(logout.endsProviderSessions()).isFalse();
        assertThat(logout.providerOrigins()).isEmpty();
    }

    @Test
    void aWrongEndSessionConfigurationStopsTheStart() {
        var providers = new InMemoryClientRegistrationRepository(keycloak().build());

        assertThatThrownBy(() -> PageLogout.of(providers, Map.of("keycloak", REALM + "/logout")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("end-session-endpoints.keycloak names no configured OpenID Connect provider");
        assertThatThrownBy(() -> PageLogout.of(providers, Map.of("kommunalit", "/logout")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no absolute http(s) address");
        assertThatThrownBy(() -> PageLogout.of(null, Map.of("kommunalit", REALM + "/logout")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static ClientRegistration.Builder keycloak() {
        return ClientRegistration.withRegistrationId("kommunalit")
                .clientId("allmende-membership")
                .clientSecret("not-a-secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(REALM + "/auth")
                .tokenUri(REALM + "/token")
                .jwkSetUri(REALM + "/certs")
                .userInfoUri(REALM + "/userinfo")
                .userNameAttributeName("preferred_username");
    }
}
