package org.allmende.billing.payment;

import org.allmende.support.web.InvalidField;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cooperative as the creditor of its direct debits ({@code allmende.seller.*}): its name, account and SEPA
 * creditor identifier (Gläubiger-ID, from the Bundesbank). Checked at start: a wrong identifier or IBAN stops the
 * service rather than a file the bank refuses. Without an identifier no direct debit file is made.
 */
@ConfigurationProperties("allmende.seller")
public record CreditorProperties(String name, String iban, String bic, String creditorId) {

    public CreditorProperties {
        if (creditorId != null && !creditorId.isBlank()) {
            creditorId = BankAccounts.compact(creditorId);
            if (!BankAccounts.creditorIdValid(creditorId)) {
                throw new IllegalArgumentException("allmende.seller.creditor-id " + creditorId
                        + " is no valid SEPA creditor identifier (format or check digits)");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("allmende.seller.name is needed with a creditor identifier");
            }
            try {
                iban = BankAccounts.iban("allmende.seller.iban", iban);
                bic = bic == null || bic.isBlank() ? null : BankAccounts.bic("allmende.seller.bic", bic);
            } catch (InvalidField e) {
                throw new IllegalArgumentException(e.field() + " " + e.getMessage(), e);
            }
        } else {
            creditorId = null;
        }
    }

    public boolean configured() {
        return creditorId != null;
    }
}
