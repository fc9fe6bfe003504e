package org.allmende.billing.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record MemberView(
        UUID memberId,
        long memberNumber,
        String name,
        String bodyKind,
        Address address,
        int shares,
        LocalDate admittedOn,
        String ags,
        Long inhabitants,
        Integer staffCount,
        String leitwegId,
        BigDecimal paidInCapital,
        String status,
        LocalDate leavingOn,
        LocalDate endedOn,
        BigDecimal capitalToPayOut,
        LocalDate payoutDueBy,
        UUID successorMemberId) {

    public record Address(String street, String postalCode, String city, String country) {}
}
