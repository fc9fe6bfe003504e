package org.allmende.billing.einvoice;

/**
 * Where a party receives e-invoices (seller BT-34, buyer BT-49; both required by XRechnung 3.0), with its scheme from
 * the EAS code list: {@code EM} for an e-mail address, {@code 0204} for a Leitweg-ID.
 */
public record ElectronicAddress(String scheme, String value) {

    public static final String EMAIL = "EM";
    public static final String LEITWEG_ID = "0204";

    public ElectronicAddress {
        Text.required(scheme, "electronicAddress.scheme");
        Text.required(value, "electronicAddress.value");
    }

    public static ElectronicAddress email(String address) {
        return new ElectronicAddress(EMAIL, address);
    }

    public static ElectronicAddress leitwegId(String leitwegId) {
        return new ElectronicAddress(LEITWEG_ID, leitwegId);
    }
}
