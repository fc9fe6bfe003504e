package org.allmende.membership.catalog;

import java.util.List;

/**
 * A member's subscriptions, with the member's aggregate version they reflect: send it back as {@code
 * expectedVersion} to change them only if nobody else did in between.
 */
public record MemberSubscriptionsView(long memberNumber, Long version, List<SubscriptionView> subscriptions) {}
