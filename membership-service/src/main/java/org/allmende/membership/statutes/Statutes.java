package org.allmende.membership.statutes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The cooperative's statutes (Satzung) as far as Allmende applies them. Every number the law leaves to the
 * statutes is configuration, checked at start: a service with impossible statutes does not start.
 */
@Validated
@ConfigurationProperties("allmende.statutes")
public record Statutes(
        @NotBlank String version,
        @NotNull @Valid Admission admission,
        @NotNull @Valid Shares shares,
        @NotNull @Valid Exit exit) {

    /**
     * Leaving (§65, §73 GenG): the fiscal year's first day ({@code --01-01} for the calendar year), the notice
     * period (3 months to 5 years) and how soon the capital is paid out after exit.
     */
    public record Exit(
            @NotNull @Pattern(regexp = "--[01][0-9]-[0-3][0-9]", message = "must be a month and day like --01-01")
                    String fiscalYearStart,
            @NotNull Period noticePeriod,
            @NotNull Period payoutWithin) {

        public Exit {
            if (fiscalYearStart != null && noticePeriod != null && payoutWithin != null) {
                new FiscalCalendar(MonthDay.parse(fiscalYearStart), noticePeriod, payoutWithin);
            }
        }

        public FiscalCalendar calendar() {
            return new FiscalCalendar(MonthDay.parse(fiscalYearStart), noticePeriod, payoutWithin);
        }
    }

    public record Admission(@Min(1) int minimumVotesCast, @NotNull Majority majority) {}

    /**
     * Shares (§7, §7a GenG): the nominal value, the obligatory minimum (possibly by inhabitants), the maximum per
     * member.
     */
    public record Shares(
            @NotNull @DecimalMin("0.01") BigDecimal nominalValue,
            @Min(1) int minimum,
            @Valid List<Bracket> byInhabitants,
            @Min(1) int maximum) {

        public Shares {
            byInhabitants = byInhabitants == null ? List.of() : List.copyOf(byInhabitants);
        }

        public SharePolicy policy() {
            return new SharePolicy(nominalValue, minimum, byInhabitants, maximum);
        }
    }

    /** From this many inhabitants on, at least this many obligatory shares. */
    public record Bracket(@Min(0) long inhabitantsFrom, @Min(1) int minimumShares) {}
}
