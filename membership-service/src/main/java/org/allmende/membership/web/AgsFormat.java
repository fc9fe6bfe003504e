package org.allmende.membership.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.allmende.membership.admission.Ags;

/** An official municipality key (AGS) of 8 digits starting with a federal state code (null allowed). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AgsFormat.Check.class)
public @interface AgsFormat {
    String message() default "is not a valid official municipality key";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AgsFormat, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Constraints.report(Ags.problem(value), context);
        }
    }
}
