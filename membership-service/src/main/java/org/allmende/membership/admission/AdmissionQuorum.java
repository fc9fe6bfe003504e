package org.allmende.membership.admission;

import java.util.Collection;
import org.allmende.membership.statutes.Majority;
import org.allmende.membership.statutes.Statutes;

/**
 * When the board's votes decide an application (§15 GenG with the statutes' rules). Abstentions are not votes cast
 * (as in §32 BGB); the decision falls once at least {@code minimumVotesCast} approvals and rejections are in and
 * the required majority of them agrees. A tie waits for more votes.
 */
public record AdmissionQuorum(int minimumVotesCast, Majority majority) {

    public enum Outcome {
        PENDING,
        APPROVED,
        REJECTED
    }

    public static AdmissionQuorum of(Statutes statutes) {
        return new AdmissionQuorum(
                statutes.admission().minimumVotesCast(), statutes.admission().majority());
    }

    public AdmissionQuorum {
        if (minimumVotesCast < 1) {
            throw new IllegalArgumentException("at least one vote must be cast to decide");
        }
    }

    public Outcome decide(Collection<Vote> votes) {
        var approvals = votes.stream().filter(v -> v == Vote.APPROVE).count();
        var rejections = votes.stream().filter(v -> v == Vote.REJECT).count();
        var cast = approvals + rejections;
        if (cast < minimumVotesCast) {
            return Outcome.PENDING;
        }
        return switch (majority) {
            case SIMPLE ->
                approvals > rejections ? Outcome.APPROVED : rejections > approvals ? Outcome.REJECTED : Outcome.PENDING;
            case TWO_THIRDS ->
                3 * approvals >= 2 * cast
                        ? Outcome.APPROVED
                        : 3 * rejections > cast ? Outcome.REJECTED : Outcome.PENDING;
        };
    }

    /** How many more approvals or rejections are needed before the quorum can decide at all. */
    public long votesStillNeeded(Collection<Vote> votes) {
        var cast = votes.stream().filter(v -> v != Vote.ABSTAIN).count();
        return Math.max(0, minimumVotesCast - cast);
    }
}
