package org.allmende.support.security;

/** Who may do what: the board decides on membership, finance on money, members see their own data. */
public enum Role {
    BOARD,
    FINANCE,
    MEMBER,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
