package org.allmende.support.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Local logins from configuration. Passwords are stored as bcrypt hashes in Spring's delegating format
 * ({@code {bcrypt}$2a$...}); a member login is bound to exactly one member number.
 */
@Validated
@ConfigurationProperties("allmende.security")
public record LocalUsersProperties(@Valid List<LocalUser> users) {

    public LocalUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record LocalUser(
            @NotBlank String username, @NotBlank String passwordHash, @NotEmpty Set<Role> roles, Long memberNumber) {}
}
