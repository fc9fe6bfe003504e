package org.allmende.support.security;

import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A login; a member's login carries the one member number whose data it may see. */
public class AllmendeUser extends User implements MemberBound {

    /** Fixed: a login is stored in the session's row (ADR 0030) and read back by the next release too. */
    private static final long serialVersionUID = 1L;

    private final Long memberNumber;

    public AllmendeUser(
            String username, String password, Collection<? extends GrantedAuthority> authorities, Long memberNumber) {
        super(username, password, authorities);
        this.memberNumber = memberNumber;
    }

    @Override
    public Optional<Long> memberNumber() {
        return Optional.ofNullable(memberNumber);
    }
}
