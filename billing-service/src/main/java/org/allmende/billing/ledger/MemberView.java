package org.allmende.billing.ledger;

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
        String leitwegId) {

    public record Address(String street, String postalCode, String city, String country) {}
}
