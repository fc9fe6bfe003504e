package org.allmende.support.web;

/**
 * A value that breaks a rule no annotation can state (an IBAN's check digits, a date that must be after today, a
 * document that is no bank statement): answered as 400 invalid input naming the field and the rule, like a
 * validation error. {@code rule} is a short stable name such as {@code iban-check-digits}.
 */
public class InvalidField extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidField(String field, String rule, String message) {
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
}
