package org.allmende.membership.register;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.PostalAddress;
import org.allmende.membership.contacts.ContactPerson;

/** An application as the board sees it: the body, its request, the votes so far and the decision. */
public record ApplicationView(
        UUID applicationId,
        String applicantName,
        BodyKind bodyKind,
        PostalAddress address,
        String ags,
        Long inhabitants,
        LocalDate inhabitantsReferenceDate,
        Integer staffCount,
        String leitwegId,
        int requestedShares,
        List<String> requestedServices,
        String statutesVersion,
        LocalDate submittedOn,
        String status,
        List<BoardVoteView> votes,
        long votesStillNeeded,
        String decidedBy,
        LocalDate decidedOn,
        String reason,
        UUID memberId,
        List<ContactPerson> contactPersons) {

    /** A vote, or (kind CONFLICT) a declared conflict of interest. */
    public record BoardVoteView(String boardMember, String kind, String vote, String comment, LocalDate castOn) {}
}
