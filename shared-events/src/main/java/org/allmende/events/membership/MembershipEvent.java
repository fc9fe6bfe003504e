package org.allmende.events.membership;

import java.util.UUID;

/**
 * A fact published on {@code allmende.membership.v1}. The Kafka key is {@link #subject()}: all facts about one
 * application, or about one member, share a partition and so keep their order.
 */
public sealed interface MembershipEvent
        permits MembershipApplicationSubmitted,
                MembershipApplicationApproved,
                MembershipApplicationRejected,
                MembershipApplicationWithdrawn,
                MemberAdmitted,
                AdditionalSharesApproved,
                CapitalPaymentRecorded,
                NoticeGiven,
                MemberExcluded,
                SharesGivenUp,
                MembershipEnded,
                CapitalTransferred,
                MergerAgreed,
                MemberAddressChanged,
                CatalogServiceDefined,
                CatalogServiceVersionPublished,
                ServiceSubscribed,
                SubscriptionQuantityChanged,
                SubscriptionCancelled {

    UUID subject();
}
