package org.allmende.billing.web;

import java.util.List;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.ledger.MemberView;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Billing's members: finance and the board see all, a member only itself (by its login's member number). */
@RestController
class MemberController {

    private final MemberLedger members;

    MemberController(MemberLedger members) {
        this.members = members;
    }

    @GetMapping("/api/members")
    List<MemberView> all() {
        return members.all();
    }

    @GetMapping("/api/members/{memberNumber}")
    MemberView one(@PathVariable long memberNumber) {
        return members.byNumber(memberNumber)
                .orElseThrow(() -> new NotFound("Billing knows no member number " + memberNumber + "."));
    }

    @GetMapping("/api/me/member")
    MemberView mine() {
        var memberNumber = CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
        return one(memberNumber);
    }
}
