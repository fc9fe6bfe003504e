package org.allmende.membership.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.allmende.membership.admission.LeitwegId;

/** A Leitweg-ID in the right format with the right check digits (null is left to {@code @NotNull}). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LeitwegIdFormat.Check.class)
public @interface LeitwegIdFormat {
    String message() default "is not a valid Leitweg-ID";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<LeitwegIdFormat, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Constraints.report(LeitwegId.problem(value), context);
        }
    }
}
