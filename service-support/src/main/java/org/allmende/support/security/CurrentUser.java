package org.allmende.support.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling: the member number of a member login comes from here, never from a URL. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<Authentication> authentication() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .filter(Authentication::isAuthenticated);
    }

    public static String name() {
        return authentication().map(Authentication::getName).orElse("anonymous");
    }

    public static String roles() {
        return authentication()
                .map(a -> String.join(
                        ",",
                        a.getAuthorities().stream()
                                .map(g -> g.getAuthority())
                                // only roles: Spring Security 7 also lists factors such as FACTOR_PASSWORD
                                .filter(authority -> authority.startsWith("ROLE_"))
                                .map(authority -> authority.substring("ROLE_".length()))
                                .sorted()
                                .toList()))
                .orElse("");
    }

    public static boolean hasRole(Role role) {
        return authentication()
                .map(a -> a.getAuthorities().stream()
                        .anyMatch(g -> g.getAuthority().equals(role.authority())))
                .orElse(false);
    }

    public static Optional<Long> memberNumber() {
        return authentication()
                .map(Authentication::getPrincipal)
                .filter(MemberBound.class::isInstance)
                .map(MemberBound.class::cast)
                .flatMap(MemberBound::memberNumber);
    }
}
