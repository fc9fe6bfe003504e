package org.allmende.membership.statutes;

/** Which share of the votes cast the board needs to decide. */
public enum Majority {
    /** More approvals than rejections. */
    SIMPLE,
    /** At least two thirds of the votes cast approve; otherwise rejected once more than a third reject. */
    TWO_THIRDS
}
