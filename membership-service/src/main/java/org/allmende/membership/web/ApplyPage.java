package org.allmende.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalLong;
import org.allmende.events.membership.BodyKind;
import org.allmende.membership.admission.AdmissionRefused;
import org.allmende.membership.catalog.Catalog;
import org.allmende.membership.statutes.Statutes;
import org.allmende.support.pages.PageController;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public application form (§15 GenG), with the statutes and the obligation to pay in the shares shown before
 * the applicant signs (§15a GenG). The same intake and rules as {@code POST /api/applications}.
 */
@PageController
class ApplyPage {

    private final ApplicationIntake intake;
    private final Validator validator;
    private final Statutes statutes;
    private final Catalog catalog;
    private final Clock clock;

    ApplyPage(ApplicationIntake intake, Validator validator, Statutes statutes, Catalog catalog, Clock clock) {
        this.intake = intake;
        this.validator = validator;
        this.statutes = statutes;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Empty text fields are absent values, as in the JSON form. */
    @InitBinder("form")
    void blanksAreAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/")
    String home() {
        return "membership/home";
    }

    @GetMapping("/apply")
    String form(Model model) {
        var form = new ApplicationPageForm();
        form.setStatutesVersion(statutes.version());
        model.addAttribute("form", form);
        return page(model);
    }

    @PostMapping("/apply")
    String submit(
            @ModelAttribute("form") ApplicationPageForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        check(form, binding);
        if (!binding.hasErrors()) {
            try {
                var received = intake.submit(form.toApplicationForm());
                redirect.addFlashAttribute("applicationId", received.applicationId());
                redirect.addFlashAttribute("withdrawalToken", received.withdrawalToken());
                redirect.addFlashAttribute("applicantName", form.getApplicantName());
                return "redirect:/apply/received";
            } catch (AdmissionRefused refused) {
                reject(form, binding, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model);
    }

    /** Shown once, right after submitting: the withdrawal token is stored only as a hash. */
    @GetMapping("/apply/received")
    String received(Model model) {
        return model.containsAttribute("applicationId") ? "membership/apply-received" : "redirect:/apply";
    }

    private String page(Model model) {
        var shares = statutes.shares();
        model.addAttribute("statutes", statutes);
        model.addAttribute("bodyKinds", BodyKind.values());
        model.addAttribute(
                "services",
                catalog.services(LocalDate.now(clock)).stream()
                        .filter(service -> service.current() != null)
                        .toList());
        model.addAttribute("shareValue", shares.nominalValue());
        model.addAttribute("tenth", shares.nominalValue().movePointLeft(1));
        return "membership/apply";
    }

    /** Each broken rule at the field the applicant typed it in; a field with a type error keeps that one. */
    private void check(ApplicationPageForm form, BindingResult binding) {
        for (var violation : validator.validate(form.toApplicationForm())) {
            var field =
                    ApplicationPageForm.pageField(violation.getPropertyPath().toString());
            if (binding.hasFieldErrors(field)) {
                continue;
            }
            var rule = violation
                    .getConstraintDescriptor()
                    .getAnnotation()
                    .annotationType()
                    .getSimpleName();
            binding.rejectValue(field, "error." + rule, violation.getMessage());
        }
        if (!form.isStatutesAcknowledged()) {
            binding.rejectValue("statutesAcknowledged", "error.statutesAcknowledged", "must be acknowledged");
        }
    }

    private void reject(ApplicationPageForm form, BindingResult binding, AdmissionRefused refused) {
        var code = "rule." + refused.rule();
        switch (refused.rule()) {
            case "shares-below-obligatory-minimum" ->
                binding.rejectValue(
                        "requestedShares",
                        code,
                        new Object[] {
                            statutes.shares()
                                    .policy()
                                    .obligatoryShares(
                                            form.getInhabitants() == null
                                                    ? OptionalLong.empty()
                                                    : OptionalLong.of(form.getInhabitants()))
                        },
                        refused.getMessage());
            case "shares-above-maximum" ->
                binding.rejectValue(
                        "requestedShares", code, new Object[] {statutes.shares().maximum()}, refused.getMessage());
            case "service-not-in-catalog" -> binding.rejectValue("requestedServices", code, refused.getMessage());
            default -> binding.reject(code, refused.getMessage());
        }
    }
}
