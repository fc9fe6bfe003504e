package org.allmende.billing.document;

import java.util.UUID;

/**
 * The member a document is addressed to, as billing knew it at the moment of issue (an issued document keeps the
 * address it was sent to). A member is a public body, not a person: no personal data (ADR 0012).
 */
public record Buyer(
        UUID memberId,
        long memberNumber,
        String name,
        String street,
        String postalCode,
        String city,
        String country,
        String leitwegId) {}
