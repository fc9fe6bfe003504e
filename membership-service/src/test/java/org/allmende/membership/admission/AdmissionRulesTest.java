package org.allmende.membership.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.allmende.membership.statutes.Majority;
import org.allmende.membership.statutes.SharePolicy;
import org.allmende.membership.statutes.Statutes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdmissionRulesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "991-33333TEST-33 | valid     | -",
                "04011000-1234512345-06 | valid | -",
                "991-33333TEST-34 | invalid   | wrong check digits",
                "991-33333test-33 | valid     | -",
                "9-12345-33       | invalid   | must look like",
                "991-33333TEST    | invalid   | must look like",
                "991_33333TEST_33 | invalid   | must look like",
                "991-3333333333333333333333333333333-33 | invalid | must look like"
            })
    void leitwegIdsAreCheckedForFormatAndCheckDigits(String id, String verdict, String because) {
        var problem = LeitwegId.problem(id);
        assertThat(problem.isEmpty()).isEqualTo(verdict.equals("valid"));
        if (because != null) {
            assertThat(problem).hasValueSatisfying(p -> assertThat(p).contains(because));
        }
    }

    @ParameterizedTest(name = "AGS {0} is {1}")
    @CsvSource({
        "06631009, valid",
        "09162000, valid",
        "16051000, valid",
        "17000000, invalid",
        "00000000, invalid",
        "0663100, invalid",
        "0663100a, invalid"
    })
    void officialMunicipalityKeysHaveEightDigitsAndAFederalState(String ags, String verdict) {
        assertThat(Ags.problem(ags).isEmpty()).isEqualTo(verdict.equals("valid"));
    }

    @ParameterizedTest(name = "{0} with at least {1} votes cast by {2} majority: {3}")
    @CsvSource({
        "'',                              2, SIMPLE,     PENDING",
        "APPROVE,                         2, SIMPLE,     PENDING",
        "APPROVE APPROVE,                 2, SIMPLE,     APPROVED",
        "APPROVE REJECT,                  2, SIMPLE,     PENDING",
        "APPROVE REJECT REJECT,           2, SIMPLE,     REJECTED",
        "APPROVE ABSTAIN,                 2, SIMPLE,     PENDING",
        "APPROVE ABSTAIN ABSTAIN APPROVE, 2, SIMPLE,     APPROVED",
        "REJECT REJECT,                   2, SIMPLE,     REJECTED",
        "APPROVE,                         1, SIMPLE,     APPROVED",
        "APPROVE APPROVE REJECT,          3, TWO_THIRDS, APPROVED",
        "APPROVE REJECT REJECT,           3, TWO_THIRDS, REJECTED",
        "APPROVE APPROVE,                 3, TWO_THIRDS, PENDING"
    })
    void theBoardDecidesByQuorumAndMajority(String votes, int minimum, Majority majority, String outcome) {
        var cast = votes.isBlank()
                ? List.<Vote>of()
                : Arrays.stream(votes.trim().split("\\s+")).map(Vote::valueOf).toList();

        assertThat(new AdmissionQuorum(minimum, majority).decide(cast)).hasToString(outcome);
    }

    @ParameterizedTest(name = "{0} inhabitants: at least {1} shares")
    @CsvSource({"-, 1", "0, 1", "4999, 1", "5000, 5", "19999, 5", "20000, 10", "41230, 20", "2000000, 20"})
    void obligatorySharesScaleWithInhabitants(String inhabitants, int obligatory) {
        var policy = new SharePolicy(
                new BigDecimal("500.00"),
                1,
                List.of(
                        new Statutes.Bracket(5_000, 5),
                        new Statutes.Bracket(20_000, 10),
                        new Statutes.Bracket(40_000, 20)),
                200);

        var count = inhabitants.equals("-") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(inhabitants));

        assertThat(policy.obligatoryShares(count)).isEqualTo(obligatory);
    }
}
