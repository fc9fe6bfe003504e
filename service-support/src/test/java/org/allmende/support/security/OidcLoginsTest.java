package org.allmende.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** What an identity provider's claims make of a login (ADR 0027): roles by mapping, a member bound to its number. */
class OidcLoginsTest {

    private static final Instant ISSUED = Instant.parse("2026-11-25T08:00:00Z");

    private static final OidcLogins KEYCLOAK = new OidcLogins(new OidcLoginProperties(
            "realm_access.roles",
            Map.of(
                    "allmende-vorstand",
                    Role.BOARD,
                    "allmende-finanzen",
                    Role.FINANCE,
                    "allmende-mitglied",
                    Role.MEMBER),
            "allmende_member_number",
            null));

    private static final OidcLogins OWN_NAMES = new OidcLogins(new OidcLoginProperties(null, null, null, null));

    @Test
    void aBoardMembersRoleComesFromKeycloaksNestedRealmRoles() {
        var login = KEYCLOAK.map(user(Map.of(
                "preferred_username",
                "e.vorstand",
                "realm_access",
                Map.of("roles", List.of("offline_access", "allmende-vorstand")))));

        assertThat(roles(login)).containsExactly("ROLE_BOARD");
        assertThat(login.getName()).isEqualTo("e.vorstand");
        assertThat(login.memberNumber()).isEmpty();
    }

    @Test
    void aMemberLoginIsBoundToTheMemberNumberOfItsClaim() {
        var login = KEYCLOAK.map(user(
                Map.of("realm_access", Map.of("roles", List.of("allmende-mitglied")), "allmende_member_number", "17")));

        assertThat(roles(login)).containsExactly("ROLE_MEMBER");
        assertThat(login.memberNumber()).contains(17L);
        assertThat(login.getName())
                .as("without preferred_username, the subject")
                .isEqualTo("subject-1");
    }

    @Test
    void aMemberNumberAsAJsonNumberCountsToo() {
        var login = KEYCLOAK.map(user(
                Map.of("realm_access", Map.of("roles", List.of("allmende-mitglied")), "allmende_member_number", 4)));

        assertThat(login.memberNumber()).contains(4L);
    }

    @Test
    void aMemberLoginWithoutMemberNumberIsRefused() {
        assertThatThrownBy(
                        () -> KEYCLOAK.map(user(Map.of("realm_access", Map.of("roles", List.of("allmende-mitglied"))))))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("no-member-number");
        assertThatThrownBy(() -> KEYCLOAK.map(user(Map.of(
                        "realm_access",
                        Map.of("roles", List.of("allmende-mitglied")),
                        "allmende_member_number",
                        "17; 18"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void aLoginWithoutAnyAllmendeRoleIsRefused() {
        assertThatThrownBy(() -> KEYCLOAK.map(user(Map.of("realm_access", Map.of("roles", List.of("offline_access"))))))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("no-allmende-role");
        assertThatThrownBy(() -> KEYCLOAK.map(user(Map.of()))).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void onlyAMemberLoginCarriesAMemberNumber() {
        var login = KEYCLOAK.map(user(
                Map.of("realm_access", Map.of("roles", List.of("allmende-finanzen")), "allmende_member_number", "17")));

        assertThat(roles(login)).containsExactly("ROLE_FINANCE");
        assertThat(login.memberNumber()).isEmpty();
    }

    @Test
    void withoutAMappingTheClaimHoldsAllmendesOwnRoleNamesAsListOrText() {
        assertThat(roles(OWN_NAMES.map(user(Map.of("roles", List.of("board", "FINANCE", "unknown"))))))
                .containsExactlyInAnyOrder("ROLE_BOARD", "ROLE_FINANCE");
        assertThat(roles(OWN_NAMES.map(user(Map.of("roles", "admin meter")))))
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_METER");
        assertThat(OWN_NAMES
                        .map(user(Map.of("roles", List.of("MEMBER"), "member_number", 3L)))
                        .memberNumber())
                .contains(3L);
    }

    @Test
    void theMappedLoginIsWhatCurrentUserReadsTheMemberNumberFrom() {
        var login = KEYCLOAK.map(user(
                Map.of("realm_access", Map.of("roles", List.of("allmende-mitglied")), "allmende_member_number", "17")));

        assertThat(login).isInstanceOf(MemberBound.class);
    }

    private static OidcUser user(Map<String, Object> claims) {
        var all = new HashMap<String, Object>(claims);
        all.put("sub", "subject-1");
        all.put("iss", "https://login.example.org/realms/kommunalit");
        var token = new OidcIdToken("id-token", ISSUED, ISSUED.plusSeconds(300), all);
        return new DefaultOidcUser(List.of(), token);
    }

    private static List<String> roles(OidcUser login) {
        return login.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}
