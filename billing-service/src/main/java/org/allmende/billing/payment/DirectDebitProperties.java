package org.allmende.billing.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How direct debits are drawn ({@code allmende.direct-debit.*}): the scheme, CORE by default (B2B needs each
 * member's bank to have confirmed the mandate), and how long a mandate may go unused before it lapses (SEPA: 36
 * months).
 */
@ConfigurationProperties("allmende.direct-debit")
public record DirectDebitProperties(String localInstrument, Integer mandateLapsesAfterMonths) {

    public DirectDebitProperties {
        localInstrument = localInstrument == null ? "CORE" : localInstrument;
        if (!localInstrument.equals("CORE") && !localInstrument.equals("B2B")) {
            throw new IllegalArgumentException(
                    "allmende.direct-debit.local-instrument is CORE or B2B, not " + localInstrument);
        }
        mandateLapsesAfterMonths = mandateLapsesAfterMonths == null ? 36 : mandateLapsesAfterMonths;
        if (mandateLapsesAfterMonths < 1) {
            throw new IllegalArgumentException("allmende.direct-debit.mandate-lapses-after-months must be positive");
        }
    }
}
