package org.allmende.billing.payment;

import java.util.List;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.Problems.FieldProblem;

/**
 * A manual assignment that breaks {@link ManualAssignment}'s rules: every problem, each with its field. As an
 * {@link InvalidField} it is a 400 naming the first of them wherever it is not caught.
 */
public class AssignmentRefused extends InvalidField {

    private final transient List<FieldProblem> problems;

    AssignmentRefused(List<FieldProblem> problems) {
        super(problems.get(0).field(), problems.get(0).rule(), problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
