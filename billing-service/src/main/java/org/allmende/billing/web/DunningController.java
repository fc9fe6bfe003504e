package org.allmende.billing.web;

import org.allmende.billing.payment.Dunning;
import org.allmende.support.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Dunning: finance runs it (as often as it likes: each level is reached once), finance and the board look on. */
@RestController
class DunningController {

    private final Dunning dunning;

    DunningController(Dunning dunning) {
        this.dunning = dunning;
    }

    /** 201 with the notices this run raised (none if every due level was reached before). */
    @PostMapping("/api/dunning-runs")
    @ResponseStatus(HttpStatus.CREATED)
    Dunning.Run run() {
        return dunning.run(CurrentUser.name());
    }

    @GetMapping("/api/dunning")
    Dunning.Overview overview() {
        return dunning.overview();
    }
}
