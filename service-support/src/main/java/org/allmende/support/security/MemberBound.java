package org.allmende.support.security;

import java.util.Optional;

/** A login that may be bound to one member: local logins and OpenID Connect logins alike. */
public interface MemberBound {

    Optional<Long> memberNumber();
}
