package org.allmende.billing.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.allmende.billing.payment.BankStatements;
import org.allmende.billing.payment.DirectDebits;
import org.allmende.billing.payment.Dunning;
import org.allmende.billing.payment.OpenItems;
import org.allmende.support.pages.PageController;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.InvalidField;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * Finance's payments as a page (issue 7): a member's open items, the items in dunning, the bank statement
 * (camt.053) upload, the dunning run and the SEPA direct debit file (pain.008) with its download. The same services
 * as the REST API; a broken rule comes back as a message naming it, never a 500.
 */
@PageController
class PaymentPages {

    private final OpenItems openItems;
    private final Dunning dunning;
    private final BankStatements statements;
    private final DirectDebits directDebits;

    PaymentPages(OpenItems openItems, Dunning dunning, BankStatements statements, DirectDebits directDebits) {
        this.openItems = openItems;
        this.dunning = dunning;
        this.statements = statements;
        this.directDebits = directDebits;
    }

    @GetMapping("/finance/payments")
    String payments(@RequestParam Optional<Long> member, Model model) {
        model.addAttribute("member", member.orElse(null));
        model.addAttribute("openItems", member.map(openItems::ofMember).orElse(null));
        model.addAttribute("dunning", dunning.overview());
        model.addAttribute("files", directDebits.files());
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
