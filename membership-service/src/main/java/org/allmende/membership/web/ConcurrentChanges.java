package org.allmende.membership.web;

import org.allmende.support.web.Problems;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Axon's answers to a change that lost a race, as 409 {@code urn:allmende:problem:concurrent-change}: a stale
 * {@code expectedVersion}, two commands appending to one aggregate at once, or two creations of one aggregate.
 * Here and not in service-support's {@link Problems}, which knows no Axon; ordered first, because Problems'
 * catch-all would otherwise turn these into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConcurrentChanges {

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        var problem = concurrentChange("Somebody changed this since version " + e.getExpectedVersion()
                + " you based your change on (it is at version " + e.getActualVersion()
                + "); reload it and decide again.");
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("actualVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler({
        ConflictingModificationException.class,
        ConcurrencyException.class,
        AggregateStreamCreationException.class
    })
    ProblemDetail raced(RuntimeException e) {
        return concurrentChange("Somebody changed this at the same moment; reload it and try again.");
    }

    private static ProblemDetail concurrentChange(String detail) {
        return Problems.problem(HttpStatus.CONFLICT, Problems.CONFLICT, "Concurrent change", detail);
    }
}
