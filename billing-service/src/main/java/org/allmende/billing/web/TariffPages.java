package org.allmende.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.allmende.billing.ledger.CatalogLedger;
import org.allmende.billing.ledger.CatalogVersionView;
import org.allmende.billing.ledger.TariffLedger;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.InvalidTariff;
import org.allmende.billing.tariff.PriceModelData;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.billing.tariff.VatRegime;
import org.allmende.events.membership.ServiceKind;
import org.allmende.support.pages.PageController;
import org.allmende.support.web.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance's tariffs as a page: every price plan with its effective dates, and a new one from a date on through the
 * API's rules ({@link PricePlanPublishing}). The form shows exactly the fields of the chosen price model (tiers and
 * brackets as rows, one more on request); changing the model swaps those fields in place with htmx, or, without
 * script, by the form's "show the fields" button. Each broken rule is shown at its field.
 */
@PageController
class TariffPages {

    private final TariffLedger tariffs;
    private final CatalogLedger catalog;
    private final PricePlanPublishing publishing;

    TariffPages(TariffLedger tariffs, CatalogLedger catalog, PricePlanPublishing publishing) {
        this.tariffs = tariffs;
        this.catalog = catalog;
        this.publishing = publishing;
    }

    @GetMapping("/finance/tariffs")
    String tariffs(Model model) {
        return page(model, TariffForm.blank());
    }

    /**
     * {@code action} {@code fields}: the form again with the fields of the model now chosen; {@code add:<list>}:
     * with one more row in that list; else ({@code publish}) the plan is checked and published.
     */
    @PostMapping("/finance/tariffs")
    String post(
            @RequestParam Map<String, String> parameters,
            @RequestParam(defaultValue = "publish") String action,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var form = TariffForm.sent(parameters);
        if (action.equals("fields")) {
            return page(model, form);
        }
        if (action.startsWith("add:")) {
            return page(model, form.addRow(action.substring("add:".length())));
        }
        var code = form.value("serviceCode").strip();
        if (code.isEmpty()) {
            form.reject("serviceCode", "error.NotBlank");
        }
        LocalDate from = null;
        try {
            from = LocalDate.parse(form.value("effectiveFrom").strip());
        } catch (DateTimeParseException e) {
            form.reject("effectiveFrom", form.value("effectiveFrom").isBlank() ? "error.NotBlank" : "error.date");
        }
        var regime = Arrays.stream(VatRegime.values())
                .filter(r -> r.name().equals(form.value("vatRegime")))
                .findFirst();
        if (regime.isEmpty()) {
            form.reject("vatRegime", "error.NotBlank");
        }
        var data = form.model();
        if (form.errors().isEmpty()) {
            checkVat(form, code, from, regime.get());
        }
        if (form.errors().isEmpty()) {
            try {
                var stored = publishing.publish(code, from, regime.get() == VatRegime.EXEMPT_COST_SHARING, data);
                redirect.addFlashAttribute("published", stored);
                return "redirect:/finance/tariffs";
            } catch (InvalidTariff e) {
                form.reject(field(e.field()), "error." + e.rule());
            } catch (RuleViolation e) {
                form.reject(
                        e.rule().equals("service-not-in-catalog") ? "serviceCode" : "effectiveFrom",
                        "rule." + e.rule());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, form);
    }

    /**
     * The regimes as the domain decides them ({@link org.allmende.billing.tariff.VatTreatment}): goods are taxed as
     * goods, never exempt; a service is taxed at the standard rate or, where finance marks it, exempt as cost
     * sharing for the members configured for it.
     */
    private void checkVat(TariffForm form, String code, LocalDate from, VatRegime regime) {
        var goods = catalog.versions(Optional.of(from)).stream()
                .filter(v -> v.code().equals(code))
                .findFirst()
                .map(v -> ServiceKind.GOODS.name().equals(v.kind()));
        if (goods.isEmpty()) {
            return; // not in the catalog on that day: publishing names it at the service code
        }
        if (goods.get() && regime != VatRegime.GOODS) {
            form.reject("vatRegime", "error.vat-goods");
        } else if (!goods.get() && regime == VatRegime.GOODS) {
            form.reject("vatRegime", "error.vat-not-goods");
        }
    }

    /** The form's field of a rule the plan breaks: the model's fields are the form's, the exemption is the regime. */
    private static String field(String path) {
        if (path.startsWith("model.")) {
            return path.substring("model.".length());
        }
        return path.equals("costSharingEligible") ? "vatRegime" : "type";
    }

    private String page(Model model, TariffForm form) {
        var codes = new TreeSet<String>();
        catalog.versions(Optional.empty()).stream()
                .map(CatalogVersionView::code)
                .forEach(codes::add);
        codes.add(PricePlan.MEMBERSHIP_FEE);
        model.addAttribute("plans", tariffs.versions(Optional.empty(), Optional.empty()));
        model.addAttribute("f", form);
        model.addAttribute("codes", codes);
        model.addAttribute("types", PriceModelData.Type.values());
        model.addAttribute("innerTypes", TariffForm.INNER_TYPES);
        model.addAttribute("cadences", Cadence.values());
        model.addAttribute("vatRegimes", VatRegime.values());
        return "billing/tariffs";
    }
}
