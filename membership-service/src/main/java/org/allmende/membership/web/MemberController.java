package org.allmende.membership.web;

import java.util.List;
import org.allmende.membership.register.MemberRegisterEntry;
import org.allmende.membership.register.Register;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The member register (§30 GenG): the board sees all entries, a member its own extract (§31). */
@RestController
class MemberController {

    private final Register register;

    MemberController(Register register) {
        this.register = register;
    }

    @GetMapping("/api/members")
    List<MemberRegisterEntry> all() {
        return register.members();
    }

    @GetMapping("/api/members/{memberNumber}")
    MemberRegisterEntry one(@PathVariable long memberNumber) {
        return register.member(memberNumber)
                .orElseThrow(() -> new NotFound("There is no member number " + memberNumber + "."));
    }

    /** A member's own entry; the member number comes from the login. */
    @GetMapping("/api/me/register-entry")
    MemberRegisterEntry mine() {
        var memberNumber = CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
        return one(memberNumber);
    }
}
