package org.allmende.billing.einvoice;

import java.util.Objects;

/**
 * The member as the buyer (BG-7): name, address, member number (BT-46), its Leitweg-ID if it is a public body, and
 * where it receives e-invoices (BT-49). The buyer reference (BT-10, mandatory in XRechnung) is the Leitweg-ID; a
 * member without one (an association, a company) is referred to by its member number. The electronic address is
 * required by XRechnung, not by EN 16931: a buyer without one gets a PDF (with the EN 16931 CII inside), no XRechnung.
 */
public record Buyer(
        String name, PostalAddress address, long memberNumber, String leitwegId, ElectronicAddress electronicAddress) {

    public Buyer {
        Text.required(name, "buyer.name");
        Objects.requireNonNull(address, "buyer.address");
        if (memberNumber <= 0) {
            throw new IllegalArgumentException("buyer.memberNumber is positive, not " + memberNumber);
        }
        leitwegId = Text.optional(leitwegId);
    }

    /** BT-10. */
    public String buyerReference() {
        return leitwegId != null ? leitwegId : String.valueOf(memberNumber);
    }
}
