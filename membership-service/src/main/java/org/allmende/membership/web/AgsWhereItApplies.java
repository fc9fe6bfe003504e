package org.allmende.membership.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.allmende.events.membership.BodyKind;

/** Municipalities, districts and their associations have an AGS; the form must give it for them. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AgsWhereItApplies.Check.class)
public @interface AgsWhereItApplies {
    String message() default "must be given for a municipality, a district or an association of municipalities";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Set<BodyKind> KINDS_WITH_AGS = Set.of(BodyKind.MUNICIPALITY, BodyKind.DISTRICT, BodyKind.MUNICIPAL_ASSOCIATION);

    class Check implements ConstraintValidator<AgsWhereItApplies, ApplicationForm> {
        @Override
        public boolean isValid(ApplicationForm form, ConstraintValidatorContext context) {
            if (form == null
                    || form.bodyKind() == null
                    || !KINDS_WITH_AGS.contains(form.bodyKind())
                    || form.ags() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("ags")
                    .addConstraintViolation();
            return false;
        }
    }
}
