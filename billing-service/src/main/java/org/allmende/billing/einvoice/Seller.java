package org.allmende.billing.einvoice;

import java.util.Objects;

/**
 * The cooperative as the seller of every e-invoice (BG-4): its name, address, VAT identification number
 * (USt-IdNr., BT-31) and/or tax number (Steuernummer, BT-32) — at least one, as taxed and exempt lines need
 * (BR-DE-16) — its register entry (BT-30, e.g. the Genossenschaftsregister), contact and electronic address.
 */
public record Seller(
        String name,
        PostalAddress address,
        String vatId,
        String taxNumber,
        String registration,
        SellerContact contact,
        ElectronicAddress electronicAddress) {

    public Seller {
        Text.required(name, "seller.name");
        Objects.requireNonNull(address, "seller.address");
        Objects.requireNonNull(contact, "seller.contact");
        Objects.requireNonNull(electronicAddress, "seller.electronicAddress");
        vatId = Text.optional(vatId);
        taxNumber = Text.optional(taxNumber);
        registration = Text.optional(registration);
        if (vatId == null && taxNumber == null) {
            throw new IllegalArgumentException("seller needs a VAT id or a tax number (BR-DE-16)");
        }
        if (vatId != null && !vatId.matches("[A-Z]{2}[0-9A-Za-z+*.]{2,12}")) {
            throw new IllegalArgumentException("seller.vatId starts with its country code (BR-CO-9), not " + vatId);
        }
    }
}
