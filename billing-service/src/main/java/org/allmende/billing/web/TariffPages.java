package org.allmende.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.allmende.billing.ledger.TariffLedger;
import org.allmende.billing.tariff.InvalidTariff;
import org.allmende.billing.tariff.PriceModelData;
import org.allmende.support.pages.PageController;
import org.allmende.support.web.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finance's tariffs as a page: every price plan with its effective dates, and a new one from a date on through the
 * API's rules ({@link PricePlanPublishing}); each broken rule is shown at its field.
 */
@PageController
class TariffPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TariffLedger tariffs;
    private final PricePlanPublishing publishing;

    TariffPages(TariffLedger tariffs, PricePlanPublishing publishing) {
        this.tariffs = tariffs;
        this.publishing = publishing;
    }

    @GetMapping("/finance/tariffs")
    String tariffs(Model model) {
        return page(model, Map.of(), "", "", false, "");
    }

    @PostMapping("/finance/tariffs")
    String publish(
            @RequestParam(defaultValue = "") String serviceCode,
            @RequestParam(defaultValue = "") String effectiveFrom,
            @RequestParam(defaultValue = "false") boolean costSharingEligible,
            @RequestParam(defaultValue = "") String model,
            Model page,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var errors = new LinkedHashMap<String, String>();
        var code = serviceCode.strip();
        if (code.isEmpty()) {
            errors.put("serviceCode", "error.NotBlank");
        }
        LocalDate from = null;
        try {
            from = LocalDate.parse(effectiveFrom.strip());
        } catch (DateTimeParseException e) {
            errors.put("effectiveFrom", effectiveFrom.isBlank() ? "error.NotBlank" : "error.date");
        }
        PriceModelData data = null;
        try {
            data = JSON.readValue(model, PriceModelData.class);
        } catch (JacksonException e) {
            errors.put("model", model.isBlank() ? "error.NotBlank" : "error.json");
        }
        if (errors.isEmpty()) {
            try {
                var stored = publishing.publish(code, from, costSharingEligible, data);
                redirect.addFlashAttribute("published", stored);
                return "redirect:/finance/tariffs";
            } catch (InvalidTariff e) {
                errors.put("model", e.field() + ": " + e.getMessage());
            } catch (RuleViolation e) {
                errors.put(
                        e.rule().equals("service-not-in-catalog") ? "serviceCode" : "effectiveFrom",
                        "rule." + e.rule());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(page, errors, code, effectiveFrom, costSharingEligible, model);
    }

    private String page(
            Model model, Map<String, String> errors, String code, String from, boolean eligible, String json) {
        model.addAttribute("plans", tariffs.versions(Optional.empty(), Optional.empty()));
        model.addAttribute("errors", errors);
        model.addAttribute("serviceCode", code);
        model.addAttribute("effectiveFrom", from);
        model.addAttribute("costSharingEligible", eligible);
        model.addAttribute("model", json);
        return "billing/tariffs";
    }
}
