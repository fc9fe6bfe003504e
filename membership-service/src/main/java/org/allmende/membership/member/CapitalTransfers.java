package org.allmende.membership.member;

import java.time.LocalDate;
import java.util.UUID;
import org.allmende.membership.statutes.Statutes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** §76 GenG: fully paid shares move from one member to another, both sides in one unit of work, no payout. */
@Component
public class CapitalTransfers {

    public record TransferCapital(UUID fromMemberId, UUID toMemberId, int shares, LocalDate agreedOn) {}

    private final Repository<Member> members;
    private final Statutes statutes;

    CapitalTransfers(Repository<Member> members, Statutes statutes) {
        this.members = members;
        this.statutes = statutes;
    }

    @CommandHandler
    public void handle(TransferCapital command) {
        if (command.fromMemberId().equals(command.toMemberId())) {
            throw new MemberRefused("transfer-to-itself", "A member cannot transfer capital to itself.");
        }
        members.load(command.fromMemberId().toString())
                .execute(
                        from -> from.transferOut(command.toMemberId(), command.shares(), command.agreedOn(), statutes));
        members.load(command.toMemberId().toString())
                .execute(to -> to.transferIn(command.fromMemberId(), command.shares(), command.agreedOn(), statutes));
    }
}
