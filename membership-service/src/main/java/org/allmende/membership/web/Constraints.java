package org.allmende.membership.web;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Turns a domain check's "what is wrong" into a bean-validation answer, so the problem names the rule exactly. */
final class Constraints {

    private Constraints() {}

    static boolean report(Optional<String> problem, ConstraintValidatorContext context) {
        problem.ifPresent(p -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(p).addConstraintViolation();
        });
        return problem.isEmpty();
    }
}
