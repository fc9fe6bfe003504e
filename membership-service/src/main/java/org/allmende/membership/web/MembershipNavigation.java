package org.allmende.membership.web;

import java.util.List;
import org.allmende.support.pages.Navigation;
import org.allmende.support.security.Role;
import org.springframework.stereotype.Component;

@Component
class MembershipNavigation implements Navigation {

    @Override
    public List<Link> links() {
        return List.of(
                new Link("/apply", "nav.apply", null),
                new Link("/board/applications", "nav.board", Role.BOARD),
                new Link("/board/members", "nav.register", Role.BOARD),
                new Link("/me/register-extract", "nav.myExtract", Role.MEMBER));
    }
}
