package org.allmende.support.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the identity provider's answer into an Allmende login: roles from one claim, mapped by configuration; a
 * member login bound to the one member number its claim names. A login with no Allmende role, or a member login
 * without a member number, is refused — it would otherwise see nothing, or not know whose data it may see.
 */
public class OidcLogins implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcLogins.class);

    private final OidcLoginProperties properties;
    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;

    public OidcLogins(OidcLoginProperties properties) {
        this(properties, new OidcUserService());
    }

    OidcLogins(OidcLoginProperties properties, OAuth2UserService<OidcUserRequest, OidcUser> provider) {
        this.properties = properties;
        this.provider = provider;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return map(provider.loadUser(request));
    }

    /** The mapping alone: what the user's claims (ID token and user info) make of it. */
    public AllmendeOidcUser map(OidcUser user) {
        var claims = user.getClaims();
        var roles = roles(claims);
        var name = user.getClaimAsString(StandardClaimNames.PREFERRED_USERNAME) != null
                ? StandardClaimNames.PREFERRED_USERNAME
                : StandardClaimNames.SUB;
        if (roles.isEmpty()) {
            log.warn("OpenID Connect login {} refused: no Allmende role in claim {}", user.getSubject(), rolesClaim());
            throw refused("no-allmende-role", "This login has no role in Allmende.");
        }
        var memberNumber = memberNumber(claims.get(properties.memberNumberClaim()));
        if (roles.contains(Role.MEMBER) && memberNumber == null) {
            log.warn(
                    "OpenID Connect login {} refused: role MEMBER without a member number in claim {}",
                    user.getSubject(),
                    properties.memberNumberClaim());
            throw refused("no-member-number", "This member login names no member number.");
        }
        var authorities = roles.stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new AllmendeOidcUser(
                authorities,
                user.getIdToken(),
                user.getUserInfo(),
                name,
                roles.contains(Role.MEMBER) ? memberNumber : null);
    }

    private String rolesClaim() {
        return properties.rolesClaim();
    }

    private Set<Role> roles(Map<String, Object> claims) {
        var roles = EnumSet.noneOf(Role.class);
        for (var value : values(claim(claims, rolesClaim()))) {
            var role = properties.roles().isEmpty()
                    ? ownRole(value)
                    : properties.roles().get(value);
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static Role ownRole(String value) {
        for (var role : Role.values()) {
            if (role.name().equals(value.toUpperCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }

    /** A claim by a dotted path through nested objects, e.g. Keycloak's {@code realm_access.roles}. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (var part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** A list of strings, or one string of names separated by spaces or commas. */
    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).map(String::strip).toList();
        }
        if (claim instanceof String one && !one.isBlank()) {
            return List.of(one.strip().split("[\\s,]+"));
        }
        return List.of();
    }

    private static Long memberNumber(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue() > 0 ? number.longValue() : null;
        }
        if (claim instanceof String text && text.strip().matches("[1-9][0-9]{0,17}")) {
            return Long.valueOf(text.strip());
        }
        return null;
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", description, null), code);
    }
}
