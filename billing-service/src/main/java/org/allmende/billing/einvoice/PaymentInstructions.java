package org.allmende.billing.einvoice;

/**
 * How the amount is paid (BG-16): by SEPA credit transfer to an account (code 58), or by SEPA direct debit from the
 * member's account under a mandate (code 59). XRechnung requires payment instructions on every invoice and credit
 * note (BR-DE-1).
 */
public sealed interface PaymentInstructions {

    /** UNTDID 4461 payment means code (BT-81). */
    String code();

    /**
     * A SEPA credit transfer (58) to the account named (BG-17): the cooperative's account on an invoice, the member's
     * account to which a credit note is refunded.
     */
    record CreditTransfer(String iban, String bic, String accountName) implements PaymentInstructions {

        public CreditTransfer {
            iban = Sepa.iban(iban, "payment.iban");
            bic = Sepa.bic(bic, "payment.bic");
            accountName = Text.optional(accountName);
        }

        @Override
        public String code() {
            return "58";
        }
    }

    /**
     * A SEPA direct debit (59, BG-19): the mandate reference (BT-89), the cooperative's creditor identifier
     * (Gläubiger-ID, BT-90) and the member's account that is debited (BT-91).
     */
    record DirectDebit(String mandateReference, String creditorId, String debitedIban) implements PaymentInstructions {

        public DirectDebit {
            Text.required(mandateReference, "payment.mandateReference");
            if (!mandateReference.matches("[A-Za-z0-9+?/\\-:().,' ]{1,35}")) {
                throw new IllegalArgumentException(
                        "payment.mandateReference has up to 35 SEPA characters, not " + mandateReference);
            }
            creditorId = Sepa.creditorId(creditorId, "payment.creditorId");
            debitedIban = Sepa.iban(debitedIban, "payment.debitedIban");
        }

        @Override
        public String code() {
            return "59";
        }
    }

    /**
     * Nothing is paid out: the amount of a credit note is set off against the invoice it corrects and, beyond it,
     * against the member's next items (clearing between partners, code 97; ADR 0021, ADR 0022).
     */
    record SetOff() implements PaymentInstructions {

        @Override
        public String code() {
            return "97";
        }
    }
}
