package org.allmende.membership.member;

import org.allmende.support.web.RuleViolation;

/** A command on a member that the law or the statutes do not allow now; {@code rule} names which. */
public class MemberRefused extends RuleViolation {
    public MemberRefused(String rule, String message) {
        super(rule, message);
    }
}
