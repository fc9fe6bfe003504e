package org.allmende.billing.web;

import java.util.List;
import org.allmende.support.web.Problems.FieldProblem;

/** Query parameters that break a rule a plain type conversion cannot check; answered as 400 naming each one. */
class InvalidParameters extends RuntimeException {

    private final List<FieldProblem> problems;

    InvalidParameters(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
