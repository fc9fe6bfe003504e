package org.allmende.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.allmende.billing.ledger.MemberLedger;
import org.allmende.billing.payment.AccountStatements;
import org.allmende.billing.payment.AssignmentRefused;
import org.allmende.billing.payment.BankAccounts;
import org.allmende.billing.payment.BankStatements;
import org.allmende.billing.payment.DirectDebits;
import org.allmende.billing.payment.Dunning;
import org.allmende.billing.payment.IncomingPayment;
import org.allmende.billing.payment.ManualAssignment;
import org.allmende.billing.payment.OpenItems;
import org.allmende.billing.payment.Payments;
import org.allmende.support.pages.PageController;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance's payments as a page (issue 7): a member's open items and account statement, a payment recorded by hand
 * and assigned to the member's items amount by amount, the items in dunning, the bank statement (camt.053) upload, the dunning run and the SEPA direct debit file (pain.008) with its download. The same services
 * as the REST API; a broken rule comes back as a message naming it, never a 500.
 */
@PageController
class PaymentPages {

    /** The prefix of an assignment's amount fields; the document number follows. */
    private static final String AMOUNT = "amount.";

    private static final Pattern PART_FIELD = Pattern.compile("assignments\\[(\\d+)]\\..*");

    /** What finance typed into the form to record a payment, kept to show it again beside the errors. */
    record Received(
            String member,
            String amount,
            String valueDate,
            String reference,
            String iban,
            String bankReference,
            String token) {}

    private final OpenItems openItems;
    private final Dunning dunning;
    private final BankStatements statements;
    private final DirectDebits directDebits;
    private final Payments payments;
    private final AccountStatements accounts;
    private final MemberLedger members;

    PaymentPages(
            OpenItems openItems,
            Dunning dunning,
            BankStatements statements,
            DirectDebits directDebits,
            Payments payments,
            AccountStatements accounts,
            MemberLedger members) {
        this.openItems = openItems;
        this.dunning = dunning;
        this.statements = statements;
        this.directDebits = directDebits;
        this.payments = payments;
        this.accounts = accounts;
        this.members = members;
    }

    /**
     * The payments workspace; with {@code member} that member's open items and account statement, with
     * {@code payment} that payment and, while some of it is unassigned, the form to assign it to the member's items.
     */
    @GetMapping("/finance/payments")
    String payments(@RequestParam Optional<Long> member, @RequestParam Optional<Long> payment, Model model) {
        return page(model, member.orElse(null), payment.orElse(null), emptyReceived(member), Map.of(), Map.of());
    }

    /** Records a payment finance saw arrive; a form sent twice (its token) records it once. */
    @PostMapping("/finance/payments/received")
    String received(
            @RequestParam(defaultValue = "") String member,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String valueDate,
            @RequestParam(defaultValue = "") String reference,
            @RequestParam(defaultValue = "") String iban,
            @RequestParam(defaultValue = "") String bankReference,
            @RequestParam(defaultValue = "") String token,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var typed = new Received(member, amount, valueDate, reference, iban, bankReference, token);
        var errors = new LinkedHashMap<String, String>();
        var memberNumber = positiveNumber(member, "member", errors);
        var money = AmountField.parse(amount);
        if (amount.isBlank()) {
            errors.put("amount", "error.NotBlank");
        } else if (money.isEmpty()) {
            errors.put("amount", "error.amount");
        } else if (money.get().signum() <= 0) {
            errors.put("amount", "error.Positive");
        } else if (money.get().stripTrailingZeros().scale() > 2) {
            errors.put("amount", "error.cents");
        }
        LocalDate day = null;
        try {
            day = LocalDate.parse(valueDate.strip());
        } catch (DateTimeParseException e) {
            errors.put("valueDate", valueDate.isBlank() ? "error.NotBlank" : "error.date");
        }
        if (reference.length() > 1000) {
            errors.put("reference", "error.Size");
        }
        if (bankReference.strip().length() > 140) {
            errors.put("bankReference", "error.Size");
        }
        String payer = null;
        if (!iban.isBlank()) {
            try {
                payer = BankAccounts.iban("iban", iban);
            } catch (InvalidField e) {
                errors.put("iban", "error." + e.rule());
            }
        }
        if (errors.isEmpty()) {
            try {
                var recorded = payments.enter(
                        new IncomingPayment(
                                reference(bankReference, token),
                                IncomingPayment.PaymentSource.MANUAL,
                                money.get(),
                                day,
                                day,
                                reference.isBlank() ? null : reference.strip(),
                                null,
                                null,
                                null,
                                payer,
                                memberNumber),
                        CurrentUser.name());
                redirect.addFlashAttribute("recorded", recorded.duplicate() ? "duplicate" : "new");
                return "redirect:/finance/payments?member=" + memberNumber + "&payment="
                        + recorded.payment().id() + "#payment";
            } catch (RuleViolation e) {
                errors.put("member", "rule." + e.rule());
            } catch (InvalidField e) {
                errors.put(e.field().equals("bookedOn") ? "valueDate" : e.field(), "error." + e.rule());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, memberNumber, null, typed, errors, Map.of());
    }

    /**
     * Assigns the payment to the member's items, an amount per item (field {@code amount.<document number>}, empty
     * for none); what no item takes pays the oldest items.
     */
    @PostMapping("/finance/payments/{id}/assignment")
    String assign(
            @PathVariable long id,
            @RequestParam long member,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var errors = new LinkedHashMap<String, String>();
        var parts = new ArrayList<ManualAssignment.Part>();
        var typedAmounts = new LinkedHashMap<String, String>();
        form.forEach((field, typed) -> {
            if (!field.startsWith(AMOUNT) || field.length() == AMOUNT.length()) {
                return;
            }
            var document = field.substring(AMOUNT.length());
            typedAmounts.put(document, typed);
            if (typed.isBlank()) {
                return;
            }
            var money = AmountField.parse(typed);
            if (money.isEmpty()) {
                errors.put(document, "error.amount");
            } else if (money.get().signum() <= 0) {
                errors.put(document, "error.Positive");
            } else if (money.get().stripTrailingZeros().scale() > 2) {
                errors.put(document, "error.cents");
            } else {
                parts.add(new ManualAssignment.Part(document, money.get()));
            }
        });
        var booked = payments.byId(id).matched();
        if (errors.isEmpty() && parts.isEmpty() && booked) {
            errors.put("assignments", "error.assign-something");
        }
        if (errors.isEmpty()) {
            try {
                payments.assignParts(id, member, parts, CurrentUser.name());
                redirect.addFlashAttribute("assigned", true);
                return "redirect:/finance/payments?member=" + member + "&payment=" + id + "#payment";
            } catch (AssignmentRefused e) {
                for (var problem : e.problems()) {
                    errors.put(fieldOf(problem.field(), parts), "error." + problem.rule());
                }
            } catch (RuleViolation e) {
                errors.put("assignments", "rule." + e.rule());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("typedAmounts", typedAmounts);
        return page(model, member, id, emptyReceived(Optional.of(member)), Map.of(), errors);
    }

    /** {@code assignments[i].amount} is the amount typed for the i-th part's document; the sum is the fieldset's. */
    private static String fieldOf(String field, List<ManualAssignment.Part> parts) {
        var index = PART_FIELD.matcher(field);
        return index.matches() ? parts.get(Integer.parseInt(index.group(1))).documentNumber() : "assignments";
    }

    private static Long positiveNumber(String text, String field, Map<String, String> errors) {
        if (text.isBlank()) {
            errors.put(field, "error.NotBlank");
            return null;
        }
        try {
            var number = Long.parseLong(text.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.put(field, "error.member-number");
        return null;
    }

    /**
     * The bank's reference if finance gives it (a statement bringing the payment later then finds it booked), else
     * one of the form's own: the form sent twice is one payment.
     */
    private static String reference(String bankReference, String token) {
        if (!bankReference.isBlank()) {
            return bankReference.strip();
        }
        return "PAGE-" + (token.isBlank() ? UUID.randomUUID().toString() : token.strip());
    }

    private static Received emptyReceived(Optional<Long> member) {
        return new Received(
                member.map(String::valueOf).orElse(""),
                "",
                "",
                "",
                "",
                "",
                UUID.randomUUID().toString());
    }

    private String page(
            Model model,
            Long member,
            Long paymentId,
            Received received,
            Map<String, String> receivedErrors,
            Map<String, String> assignErrors) {
        var known = member != null && members.byNumber(member).isPresent();
        model.addAttribute("member", member);
        model.addAttribute("openItems", member == null ? null : openItems.ofMember(member));
        model.addAttribute("account", known ? accounts.of(member) : null);
        model.addAttribute("dunning", dunning.overview());
        model.addAttribute("files", directDebits.files());
        model.addAttribute("unmatched", payments.list(Optional.of(false)));
        var typed = new LinkedHashMap<String, String>();
        typed.put("member", received.member());
        typed.put("amount", received.amount());
        typed.put("valueDate", received.valueDate());
        typed.put("reference", received.reference());
        typed.put("iban", received.iban());
        typed.put("bankReference", received.bankReference());
        typed.put("token", received.token());
        model.addAttribute("received", typed);
        model.addAttribute("receivedErrors", receivedErrors);
        model.addAttribute("assignErrors", assignErrors);
        if (!model.containsAttribute("typedAmounts")) {
            model.addAttribute("typedAmounts", Map.of());
        }
        if (paymentId != null) {
            var payment = payments.byId(paymentId);
            model.addAttribute("payment", payment);
            var assignable = "RECEIVED".equals(payment.kind())
                    && (!payment.matched()
                            || (payment.unallocated().signum() > 0
                                    && payment.memberNumber().equals(member)));
            if (assignable && known) {
                model.addAttribute(
                        "assignable",
                        openItems.ofMember(member).stream()
                                .filter(i -> i.openAmount().signum() > 0 && !"SUBMITTED".equals(i.collection()))
                                .toList());
            }
        }
        return "billing/payments";
    }

    @PostMapping("/finance/payments/statement")
    String statement(@RequestParam Optional<MultipartFile> statement, RedirectAttributes redirect) {
        var bytes = statement.map(PaymentPages::bytes).orElse(new byte[0]);
        try {
            redirect.addFlashAttribute(
                    "imported",
                    statements.importStatement(new String(bytes, StandardCharsets.UTF_8), CurrentUser.name()));
        } catch (InvalidField e) {
            redirect.addFlashAttribute("statementError", e.getMessage());
        }
        return "redirect:/finance/payments";
    }

    @PostMapping("/finance/payments/dunning")
    String dunningRun(RedirectAttributes redirect) {
        redirect.addFlashAttribute("dunned", dunning.run(CurrentUser.name()));
        return "redirect:/finance/payments";
    }

    @PostMapping("/finance/payments/direct-debits")
    String directDebit(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> collectionDate,
            RedirectAttributes redirect) {
        if (collectionDate.isEmpty()) {
            redirect.addFlashAttribute("directDebitError", "error.NotBlank");
            return "redirect:/finance/payments";
        }
        try {
            redirect.addFlashAttribute("collected", directDebits.create(collectionDate.get(), CurrentUser.name()));
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("directDebitError", "rule." + e.rule());
        } catch (InvalidField e) {
            redirect.addFlashAttribute("directDebitError", "error." + e.rule());
        }
        return "redirect:/finance/payments";
    }

    @GetMapping("/finance/direct-debits/{id}/pain.008")
    ResponseEntity<String> pain008(@PathVariable long id) {
        var document = directDebits.document(id).orElseThrow(() -> new NotFound("No direct debit file " + id + "."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(directDebits.file(id).messageId() + ".xml")
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .body(document);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidField("statement", "camt.053", "the statement could not be read");
        }
    }
}
