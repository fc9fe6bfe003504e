package org.allmende.support.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How an OpenID Connect login becomes an Allmende login (ADR 0027): the claim that lists the roles (a dotted path
 * such as {@code realm_access.roles} reaches into Keycloak's nested claims), how the identity provider's role
 * names map to {@link Role}s (empty: the claim holds Allmende's own role names), and the claim that carries a
 * member login's member number. And, per provider registration, its {@code end_session_endpoint} where it is not
 * discovered from the provider's metadata (ADR 0030).
 */
@ConfigurationProperties("allmende.security.oidc")
public record OidcLoginProperties(
        String rolesClaim, Map<String, Role> roles, String memberNumberClaim, Map<String, String> endSessionEndpoints) {

    public OidcLoginProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        memberNumberClaim =
                memberNumberClaim == null || memberNumberClaim.isBlank() ? "member_number" : memberNumberClaim;
        endSessionEndpoints = endSessionEndpoints == null ? Map.of() : Map.copyOf(endSessionEndpoints);
    }
}
