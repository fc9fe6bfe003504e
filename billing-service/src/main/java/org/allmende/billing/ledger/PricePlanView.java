package org.allmende.billing.ledger;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.allmende.billing.tariff.PriceModelData;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;

/** A published price plan with the days it applies ({@code effectiveTo} null while no later version exists). */
public record PricePlanView(
        String serviceCode,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        ServiceUnit unit,
        ServiceKind kind,
        boolean costSharingEligible,
        PriceModelData model,
        Instant recordedAt,
        String recordedBy)
        implements Serializable {}
