package org.allmende.membership.admission;

public enum Vote {
    APPROVE,
    REJECT,
    ABSTAIN
}
