package org.allmende.membership.usage;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.allmende.events.membership.CatalogServiceDefined;
import org.allmende.events.membership.CatalogServiceVersionPublished;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MemberExcluded;
import org.allmende.events.membership.MembershipEnded;
import org.allmende.events.membership.MergerAgreed;
import org.allmende.events.membership.NoticeGiven;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.membership.config.AxonConfig;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link MembershipFacts} current from membership's own events, in a tracking processor of its own whose
 * token lives in memory: every start replays the event store from its beginning. Remembers how far it got, so a
 * request can wait until the facts include what was stored before it began (read your writes).
 */
@Component
@ProcessingGroup(AxonConfig.USAGE_FACTS)
public class MembershipFactsProjection {

    private final MembershipFacts facts = new MembershipFacts();
    private final Object monitor = new Object();

    /** The global index of the last event applied, and the lower ones not seen yet (uncommitted then). */
    private long index = -1;

    private SortedSet<Long> gaps = Collections.emptySortedSet();

    public MembershipFacts facts() {
        return facts;
    }

    @EventHandler
    void on(MemberAdmitted event, TrackingToken token) {
        facts.admitted(event.memberId(), event.memberNumber(), event.admittedOn());
        reached(token);
    }

    @EventHandler
    void on(NoticeGiven event, TrackingToken token) {
        if (event.shares() == null) {
            facts.ends(event.memberId(), event.effectiveOn());
        }
        reached(token);
    }

    @EventHandler
    void on(MemberExcluded event, TrackingToken token) {
        facts.ends(event.memberId(), event.effectiveOn());
        reached(token);
    }

    /** A merged member's membership ends at the fiscal year end; its usage after that belongs to the successor. */
    @EventHandler
    void on(MergerAgreed event, TrackingToken token) {
        if ("MERGED".equals(event.role())) {
            facts.ends(event.mergedMemberId(), event.endsOn());
        }
        reached(token);
    }

    @EventHandler
    void on(MembershipEnded event, TrackingToken token) {
        facts.ends(event.memberId(), event.endedOn());
        reached(token);
    }

    @EventHandler
    void on(ServiceSubscribed event, TrackingToken token) {
        facts.subscribed(event.memberNumber(), event.serviceCode(), event.effectiveFrom());
        reached(token);
    }

    @EventHandler
    void on(SubscriptionCancelled event, TrackingToken token) {
        facts.cancelled(event.memberNumber(), event.serviceCode(), event.effectiveTo());
        reached(token);
    }

    @EventHandler
    void on(CatalogServiceDefined event, TrackingToken token) {
        facts.unit(event.code(), event.effectiveFrom(), event.unit().name());
        reached(token);
    }

    @EventHandler
    void on(CatalogServiceVersionPublished event, TrackingToken token) {
        facts.unit(event.code(), event.effectiveFrom(), event.unit().name());
        reached(token);
    }

    /** Every other event only moves the position, so a wait for the newest event ends. */
    @EventHandler
    void on(Object event, TrackingToken token) {
        reached(token);
    }

    @ResetHandler
    void reset() {
        synchronized (monitor) {
            facts.forgetAll();
            index = -1;
            gaps = Collections.emptySortedSet();
        }
    }

    private void reached(TrackingToken token) {
        var unwrapped = WrappedToken.unwrapLowerBound(token);
        synchronized (monitor) {
            if (unwrapped instanceof GapAwareTrackingToken gapAware) {
                index = gapAware.getIndex();
                gaps = gapAware.getGaps();
            } else if (unwrapped != null) {
                index = unwrapped.position().orElse(index);
                gaps = Collections.emptySortedSet();
            }
            monitor.notifyAll();
        }
    }

    /**
     * Waits until the facts include the event at {@code headIndex}, at most until {@code deadline} (a {@link
     * System#nanoTime()}). Returns the indexes below it that were not seen yet — events that were not committed
     * when the processor passed them — or null when the time ran out.
     */
    SortedSet<Long> awaitIndex(long headIndex, long deadline) throws InterruptedException {
        synchronized (monitor) {
            while (index < headIndex) {
                var left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return new TreeSet<>(gaps.headSet(headIndex));
        }
    }

    /** Waits until none of these indexes is a gap any more; false when the time ran out first. */
    boolean awaitSeen(Set<Long> committed, long deadline) throws InterruptedException {
        synchronized (monitor) {
            while (!Collections.disjoint(gaps, committed)) {
                var left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }
}
