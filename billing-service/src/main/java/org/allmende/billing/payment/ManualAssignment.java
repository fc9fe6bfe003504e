package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.allmende.support.web.Problems.FieldProblem;

/**
 * The rules of assigning a payment by hand, item by item: each part goes to an open item of the payment's member
 * that is not on its way in a direct debit, pays at most what the item still owes, and together the parts are at
 * most what is left of the payment. Every broken rule is named with its field ({@code assignments[i].amount} for
 * the i-th part, {@code assignments} for the sum), so a form can show each one where it was typed.
 */
public final class ManualAssignment {

    /** A part of a payment for one document (invoice, capital call, dunning fee). */
    public record Part(String documentNumber, BigDecimal amount) {}

    /** An item as the rules need it; {@code inCollection} while a direct debit of it is under way. */
    record Item(long memberNumber, BigDecimal open, boolean inCollection) {}

    private ManualAssignment() {}

    /**
     * The rules {@code parts} break for a payment with {@code rest} unassigned, for member {@code memberNumber};
     * {@code items} by document number (a document billing does not know is missing). Empty: it may be booked.
     */
    static List<FieldProblem> broken(long memberNumber, BigDecimal rest, List<Part> parts, Map<String, Item> items) {
        var problems = new ArrayList<FieldProblem>();
        var seen = new HashSet<String>();
        var total = BigDecimal.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            var field = "assignments[" + i + "]";
            var item = items.get(part.documentNumber());
            if (item == null) {
                problems.add(new FieldProblem(
                        field + ".documentNumber", "document-unknown", "No document " + part.documentNumber() + "."));
                continue;
            }
            if (item.memberNumber() != memberNumber) {
                problems.add(new FieldProblem(
                        field + ".documentNumber",
                        "document-of-another-member",
                        part.documentNumber() + " is not a document of member " + memberNumber + "."));
                continue;
            }
            if (!seen.add(part.documentNumber())) {
                problems.add(new FieldProblem(
                        field + ".documentNumber", "document-twice", part.documentNumber() + " is named twice."));
                continue;
            }
            if (part.amount() == null || part.amount().signum() <= 0) {
                problems.add(new FieldProblem(field + ".amount", "Positive", "must be greater than 0"));
                continue;
            }
            if (part.amount().scale() > 2 && part.amount().stripTrailingZeros().scale() > 2) {
                problems.add(new FieldProblem(field + ".amount", "cents", "must be in euros and cents"));
                continue;
            }
            if (item.open().signum() <= 0) {
                problems.add(new FieldProblem(
                        field + ".amount", "item-settled", part.documentNumber() + " is paid already."));
                continue;
            }
            if (item.inCollection()) {
                problems.add(new FieldProblem(
                        field + ".amount",
                        "item-in-collection",
                        part.documentNumber() + " is being collected by direct debit; the collection pays it."));
                continue;
            }
            if (part.amount().compareTo(item.open()) > 0) {
                problems.add(new FieldProblem(
                        field + ".amount",
                        "exceeds-open-amount",
                        "is more than the " + item.open() + " EUR " + part.documentNumber() + " still owes"));
                continue;
            }
            total = total.add(part.amount());
        }
        if (total.compareTo(rest) > 0) {
            problems.add(new FieldProblem(
                    "assignments",
                    "exceeds-payment-rest",
                    "the parts add up to " + total + " EUR, more than the " + rest + " EUR left of the payment"));
        }
        return problems;
    }
}
