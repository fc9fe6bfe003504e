package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.allmende.billing.payment.ManualAssignment.Item;
import org.allmende.billing.payment.ManualAssignment.Part;
import org.allmende.support.web.Problems.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A payment of member 7 with 100.00 left, and the items: RE-1 owes 80.00, RE-2 owes 50.00, RE-3 is paid, RE-4 is
 * being collected by direct debit, RE-9 is member 8's.
 */
class ManualAssignmentTest {

    private static final Map<String, Item> ITEMS = Map.of(
            "RE-1", new Item(7, new BigDecimal("80.00"), false),
            "RE-2", new Item(7, new BigDecimal("50.00"), false),
            "RE-3", new Item(7, new BigDecimal("0.00"), false),
            "RE-4", new Item(7, new BigDecimal("30.00"), true),
            "RE-9", new Item(8, new BigDecimal("10.00"), false));

    /** {@code "RE-1=80.00 RE-2=20"}: the parts in order. */
    private static List<Part> parts(String parts) {
        return Arrays.stream(parts.split(" "))
                .map(part -> part.split("="))
                .map(part -> new Part(part[0], new BigDecimal(part[1])))
                .toList();
    }

    @ParameterizedTest(name = "{0} may be assigned")
    @CsvSource({"RE-1=80.00", "RE-1=80 RE-2=20", "RE-2=0.01", "RE-1=50.00 RE-2=50.00"})
    void partsWithinTheItemsAndThePaymentMayBeAssigned(String given) {
        assertThat(ManualAssignment.broken(7, new BigDecimal("100.00"), parts(given), ITEMS))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} breaks {2} at {1}")
    @CsvSource({
        "RE-1=80.01,             assignments[0].amount,         exceeds-open-amount",
        "RE-2=20 RE-2=10,        assignments[1].documentNumber, document-twice",
        "RE-1=80 RE-2=20.01,     assignments,                   exceeds-payment-rest",
        "RE-1=0,                 assignments[0].amount,         Positive",
        "RE-1=-5,                assignments[0].amount,         Positive",
        "RE-1=1.005,             assignments[0].amount,         cents",
        "RE-3=1,                 assignments[0].amount,         item-settled",
        "RE-4=1,                 assignments[0].amount,         item-in-collection",
        "RE-9=1,                 assignments[0].documentNumber, document-of-another-member",
        "RE-0=1,                 assignments[0].documentNumber, document-unknown"
    })
    void aPartBreakingARuleIsNamedWithItsField(String given, String field, String rule) {
        assertThat(ManualAssignment.broken(7, new BigDecimal("100.00"), parts(given), ITEMS))
                .extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, rule));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({"RE-1=90 RE-2=60, 'assignments[0].amount,assignments[1].amount'"})
    void everyBrokenPartIsNamedNotOnlyTheFirst(String given, String fields) {
        assertThat(ManualAssignment.broken(7, new BigDecimal("100.00"), parts(given), ITEMS))
                .extracting(FieldProblem::field)
                .containsExactly(fields.split(","));
    }
}
