package org.allmende.support.security;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Looks up the local logins from {@link LocalUsersProperties}; a fresh copy each time, as Spring erases it. */
public class LocalUsers implements UserDetailsService {

    private final Map<String, LocalUsersProperties.LocalUser> byName;

    public LocalUsers(LocalUsersProperties properties) {
        for (var user : properties.users()) {
            if (user.roles().contains(Role.MEMBER) && user.memberNumber() == null) {
                throw new IllegalArgumentException(
                        "login '" + user.username() + "' has role MEMBER but no member-number");
            }
            if (!user.passwordHash().startsWith("{bcrypt}")) {
                throw new IllegalArgumentException(
                        "login '" + user.username() + "' must have a {bcrypt} password-hash");
            }
        }
        this.byName = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(LocalUsersProperties.LocalUser::username, Function.identity()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = byName.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such login");
        }
        var authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new AllmendeUser(user.username(), user.passwordHash(), authorities, user.memberNumber());
    }
}
