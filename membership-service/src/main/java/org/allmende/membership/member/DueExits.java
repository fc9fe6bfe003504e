package org.allmende.membership.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.allmende.membership.member.MemberCommands.ApplyDueExit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Ends memberships and applies partial notices when their date has come, driven by the clock: every night, and at
 * start (so a service that was down at a fiscal year end catches up). Idempotent: the member aggregate applies
 * nothing that is not due or already applied.
 */
public class DueExits {

    private static final Logger log = LoggerFactory.getLogger(DueExits.class);

    private final CommandGateway commands;
    private final Function<LocalDate, List<UUID>> due;
    private final Clock clock;

    public DueExits(CommandGateway commands, Function<LocalDate, List<UUID>> due, Clock clock) {
        this.commands = commands;
        this.due = due;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("due exits could not be applied at start; the nightly run will try again", e);
        }
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/Berlin")
    public void nightly() {
        run();
    }

    /** Applies what is due today; returns how many members were looked at. */
    public int run() {
        var today = LocalDate.now(clock);
        var members = due.apply(today);
        for (var memberId : members) {
            try {
                commands.sendAndWait(new ApplyDueExit(memberId, today));
            } catch (RuntimeException e) {
                // one member's trouble must not hold up the others; the next run tries it again
                log.error("ALERT due exit of member {} not applied for {}: {}", memberId, today, e.getMessage(), e);
            }
        }
        if (!members.isEmpty()) {
            log.info("applied due exits of {} members for {}", members.size(), today);
        }
        return members.size();
    }
}
