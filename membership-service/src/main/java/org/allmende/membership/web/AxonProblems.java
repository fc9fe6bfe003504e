package org.allmende.membership.web;

import org.allmende.support.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
 * Axon's answers to a command, as problem details: a stale {@code expectedVersion}, two commands appending to one
 * aggregate at once, or two creations of one aggregate are 409 {@code urn:allmende:problem:concurrent-change}; an
 * unknown aggregate is 404. Here and not in service-support's {@link Problems}, which knows no Axon; ordered first,
 * because Problems' catch-all would otherwise turn these into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AxonProblems {

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        var problem = Problems.problem(
                HttpStatus.CONFLICT,
                Problems.CONFLICT,
                "Concurrent change",
                "Somebody changed this since version " + e.getExpectedVersion() + " you based your change on (it is"
                        + " at version " + e.getActualVersion() + "); reload it and decide again.");
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("actualVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler({
        ConflictingModificationException.class,
        ConcurrencyException.class,
        AggregateStreamCreationException.class
    })
    ProblemDetail concurrentChange(RuntimeException e) {
        return Problems.problem(
                HttpStatus.CONFLICT,
                Problems.CONFLICT,
                "Concurrent change",
                "Someone changed this in the meantime; reload it and decide again.");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "There is no such record.");
    }
}
