package org.allmende.support.security;

import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A login through OpenID Connect, with the roles and the member number its claims gave (ADR 0027). */
public class AllmendeOidcUser extends DefaultOidcUser implements MemberBound {

    /** Fixed: a login is stored in the session's row (ADR 0030) and read back by the next release too. */
    private static final long serialVersionUID = 1L;

    private final Long memberNumber;

    public AllmendeOidcUser(
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            OidcUserInfo userInfo,
            String nameAttributeKey,
            Long memberNumber) {
        super(authorities, idToken, userInfo, nameAttributeKey);
        this.memberNumber = memberNumber;
    }

    @Override
    public Optional<Long> memberNumber() {
        return Optional.ofNullable(memberNumber);
    }
}
