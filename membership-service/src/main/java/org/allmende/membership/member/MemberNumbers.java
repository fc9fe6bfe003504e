package org.allmende.membership.member;

/** Hands out member numbers: each one once, never again, also under concurrent admissions. */
public interface MemberNumbers {
    long next();
}
