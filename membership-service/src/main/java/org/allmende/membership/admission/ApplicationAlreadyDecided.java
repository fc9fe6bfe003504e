package org.allmende.membership.admission;

import java.util.UUID;
import org.allmende.support.web.RuleViolation;

public class ApplicationAlreadyDecided extends RuleViolation {
    public ApplicationAlreadyDecided(UUID applicationId, String decision) {
        super(
                "application-already-decided",
                "The board already decided on application " + applicationId + ": " + decision + ".");
    }
}
