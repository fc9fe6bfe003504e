package org.allmende.billing.document;

/** Why a run was started; at most one invoice (or capital call) per member, period and kind of run is issued. */
public enum RunKind {
    /** The periodic contributions: fees, subscriptions, usage, with corrections of earlier periods as lines. */
    CONTRIBUTIONS,
    /** Capital on shares called from the members. */
    CAPITAL_CALL,
    /** Credit notes for issued invoices, outside the periodic run. */
    CORRECTION
}
