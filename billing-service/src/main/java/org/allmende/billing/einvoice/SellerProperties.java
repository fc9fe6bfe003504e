package org.allmende.billing.einvoice;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cooperative as seller, from {@code allmende.seller.*}: its name, address, VAT id and/or tax number, register
 * entry, contact for invoice questions, the address where it receives e-invoices (the contact's e-mail if not set),
 * the bank account members pay to by credit transfer and its SEPA creditor identifier for direct debits. Bound to the
 * e-invoice model itself, so its checks run when the service starts: an invalid IBAN or a missing contact fails the
 * start, not the first invoice run.
 */
@ConfigurationProperties("allmende.seller")
public record SellerProperties(
        String name,
        PostalAddress address,
        String vatId,
        String taxNumber,
        String registration,
        SellerContact contact,
        String electronicAddress,
        PaymentInstructions.CreditTransfer bank,
        String creditorId) {

    public SellerProperties {
        Objects.requireNonNull(contact, "allmende.seller.contact");
        Objects.requireNonNull(bank, "allmende.seller.bank");
        if (electronicAddress == null || electronicAddress.isBlank()) {
            electronicAddress = contact.email();
        }
        creditorId = Sepa.creditorId(creditorId, "allmende.seller.creditor-id");
        seller(name, address, vatId, taxNumber, registration, contact, electronicAddress);
    }

    public Seller seller() {
        return seller(name, address, vatId, taxNumber, registration, contact, electronicAddress);
    }

    /** Payment by credit transfer to the cooperative's account (an invoice paid by the member). */
    public PaymentInstructions.CreditTransfer creditTransfer() {
        return bank;
    }

    /** Payment by direct debit from the member's account under its mandate, with the cooperative's creditor id. */
    public PaymentInstructions.DirectDebit directDebit(String mandateReference, String debitedIban) {
        return new PaymentInstructions.DirectDebit(mandateReference, creditorId, debitedIban);
    }

    private static Seller seller(
            String name,
            PostalAddress address,
            String vatId,
            String taxNumber,
            String registration,
            SellerContact contact,
            String electronicAddress) {
        return new Seller(
                name, address, vatId, taxNumber, registration, contact, ElectronicAddress.email(electronicAddress));
    }
}
