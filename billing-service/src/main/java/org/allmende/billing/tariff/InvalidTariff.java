package org.allmende.billing.tariff;

/**
 * A price plan that breaks a rule, naming the field (a path such as {@code model.tiers[1].upTo}) and the rule, so a
 * client can be told exactly what to fix.
 */
public class InvalidTariff extends IllegalArgumentException {

    private final String field;
    private final String rule;

    public InvalidTariff(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** The same problem, seen from the record that holds the one that broke it. */
    public InvalidTariff within(String parent) {
        var path = field.isEmpty() ? parent : field.startsWith("[") ? parent + field : parent + "." + field;
        var moved = new InvalidTariff(path, rule, getMessage());
        moved.initCause(this);
        return moved;
    }
}
