package org.allmende.membership.statutes;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/** How many shares a member must and may hold, by the statutes (§7a GenG: obligatory shares may scale). */
public record SharePolicy(BigDecimal nominalValue, int minimum, List<Statutes.Bracket> byInhabitants, int maximum) {

    public SharePolicy {
        byInhabitants = List.copyOf(byInhabitants);
        if (maximum < minimum) {
            throw new IllegalArgumentException("maximum shares " + maximum + " below minimum " + minimum);
        }
        for (var bracket : byInhabitants) {
            if (bracket.minimumShares() > maximum) {
                throw new IllegalArgumentException(
                        "bracket from " + bracket.inhabitantsFrom() + " inhabitants asks more than the maximum");
            }
        }
    }

    /** The obligatory shares of a body with this many inhabitants (unknown inhabitants: the base minimum). */
    public int obligatoryShares(OptionalLong inhabitants) {
        if (inhabitants.isEmpty()) {
            return minimum;
        }
        return byInhabitants.stream()
                .filter(b -> b.inhabitantsFrom() <= inhabitants.getAsLong())
                .max(Comparator.comparingLong(Statutes.Bracket::inhabitantsFrom))
                .map(b -> Math.max(minimum, b.minimumShares()))
                .orElse(minimum);
    }
}
