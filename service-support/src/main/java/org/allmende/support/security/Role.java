package org.allmende.support.security;

/**
 * Who may do what: the board decides on membership, finance on money, members see their own data, and sending
 * systems (meters: print servers, storage, the support desk) report usage.
 */
public enum Role {
    BOARD,
    FINANCE,
    MEMBER,
    ADMIN,
    METER;

    public String authority() {
        return "ROLE_" + name();
    }
}
