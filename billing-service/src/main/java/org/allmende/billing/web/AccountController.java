package org.allmende.billing.web;

import org.allmende.billing.payment.AccountStatement;
import org.allmende.billing.payment.AccountStatements;
import org.allmende.billing.payment.CapitalAccount;
import org.allmende.billing.payment.CapitalAccounts;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Members' account statements: finance and the board see any, a member only its own (number from the login). */
@RestController
class AccountController {

    private final AccountStatements statements;
    private final CapitalAccounts capital;

    AccountController(AccountStatements statements, CapitalAccounts capital) {
        this.statements = statements;
        this.capital = capital;
    }

    @GetMapping("/api/members/{memberNumber}/account")
    AccountStatement of(@PathVariable long memberNumber) {
        return statements.of(memberNumber);
    }

    @GetMapping("/api/me/account")
    AccountStatement mine() {
        var memberNumber = CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
        return statements.of(memberNumber);
    }

    /** The member's shares and capital, the figures of the portal's shares page (number from the login). */
    @GetMapping("/api/me/capital")
    CapitalAccount myCapital() {
        var memberNumber = DocumentDownloads.memberNumber();
        return capital.of(memberNumber)
                .orElseThrow(() -> new NotFound("Billing knows no member number " + memberNumber + " yet."));
    }
}
