package org.allmende.membership.statutes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The cooperative's statutes (Satzung) as far as Allmende applies them. Every number the law leaves to the
 * statutes is configuration, checked at start: a service with impossible statutes does not start.
 */
@Validated
@ConfigurationProperties("allmende.statutes")
public record Statutes(@NotBlank String version, @NotNull @Valid Admission admission, @NotNull @Valid Shares shares) {

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
