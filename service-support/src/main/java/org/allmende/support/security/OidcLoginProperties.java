package org.allmende.support.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How an OpenID Connect login becomes an Allmende login (ADR 0027): the claim that lists the roles (a dotted path
 * such as {@code realm_access.roles} reaches into Keycloak's nested claims), how the identity provider's role
 * names map to {@link Role}s (empty: the claim holds Allmende's own role names), and the claim that carries a
 * member login's member number.
 */
@ConfigurationProperties("allmende.security.oidc")
public record OidcLoginProperties(String rolesClaim, Map<String, Role> roles, String memberNumberClaim) {

    public OidcLoginProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        memberNumberClaim =
                memberNumberClaim == null || memberNumberClaim.isBlank() ? "member_number" : memberNumberClaim;
    }
}
