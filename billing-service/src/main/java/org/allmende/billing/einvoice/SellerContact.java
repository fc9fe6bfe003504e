package org.allmende.billing.einvoice;

/** The seller's contact point (BG-6): XRechnung requires a name, a telephone number and an e-mail address. */
public record SellerContact(String name, String phone, String email) {

    public SellerContact {
        Text.required(name, "contact.name");
        Text.required(phone, "contact.phone");
        if (phone.chars().filter(Character::isDigit).count() < 3) {
            throw new IllegalArgumentException("contact.phone has at least three digits (BR-DE-27), not " + phone);
        }
        if (email == null || !email.matches("[^@\\s.][^@\\s]*[^@\\s.]@[^@\\s.][^@\\s]*\\.[^@\\s.]+")) {
            throw new IllegalArgumentException("contact.email is an e-mail address (BR-DE-28), not " + email);
        }
    }
}
