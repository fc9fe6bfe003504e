package org.allmende.events.membership;

/** The kind of public body that is or wants to become a member. */
public enum BodyKind {
    MUNICIPALITY,
    DISTRICT,
    MUNICIPAL_ASSOCIATION,
    PUBLIC_COMPANY,
    OTHER
}
