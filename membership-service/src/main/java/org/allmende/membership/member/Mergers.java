package org.allmende.membership.member;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.allmende.events.membership.MergerAgreed;
import org.allmende.membership.statutes.Statutes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * §77a GenG: when municipalities merge, the successor takes over the merged members' shares and capital at once;
 * its running subscriptions continue at the successor from the merger date (a service both have: the sum); the
 * merged memberships continue to the end of the fiscal year. All members change in one unit of work.
 */
@Component
public class Mergers {

    public record MergeMembers(List<UUID> mergedMemberIds, UUID successorMemberId, LocalDate agreedOn) {}

    private final Repository<Member> members;
    private final Statutes statutes;

    Mergers(Repository<Member> members, Statutes statutes) {
        this.members = members;
        this.statutes = statutes;
    }

    @CommandHandler
    public void handle(MergeMembers command) {
        if (command.mergedMemberIds().isEmpty()
                || command.mergedMemberIds().stream().distinct().count()
                        != command.mergedMemberIds().size()) {
            throw new MemberRefused("merged-members-distinct", "Name each merged member once.");
        }
        var successor = members.load(command.successorMemberId().toString());
        for (var mergedId : command.mergedMemberIds()) {
            var merged = new AtomicReference<MergerAgreed>();
            var subscriptions = new AtomicReference<List<Subscriptions.Running>>();
            members.load(mergedId.toString()).execute(member -> {
                subscriptions.set(member.handOverSubscriptions(command.agreedOn()));
                merged.set(member.mergeInto(command.successorMemberId(), command.agreedOn(), statutes));
            });
            successor.execute(member -> {
                member.takeOver(merged.get());
                member.continueSubscriptions(subscriptions.get(), command.agreedOn());
            });
        }
    }
}
