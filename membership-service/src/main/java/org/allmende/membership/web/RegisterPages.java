package org.allmende.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.allmende.events.membership.BodyKind;
import org.allmende.membership.member.CapitalTransfers.TransferCapital;
import org.allmende.membership.member.MemberCommands.DecideOnAdditionalShares;
import org.allmende.membership.member.MemberCommands.ExcludeMember;
import org.allmende.membership.member.MemberCommands.GiveNotice;
import org.allmende.membership.member.Mergers.MergeMembers;
import org.allmende.membership.register.MemberRegisterEntry;
import org.allmende.membership.register.Register;
import org.allmende.membership.statutes.Statutes;
import org.allmende.support.pages.PageController;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.time.BusinessTime;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The board's member register (§30 GenG): the list with filters and an as-of date, a member's page with its
 * register changes and its history (who, in which role), the register extract (§31 GenG) to print, and the board's
 * decisions on a member as forms — additional shares, notice, exclusion, transfer of capital (§76), merger (§77a).
 * Through the same commands and rules as the REST API; a broken rule is a message on the page, never an error page.
 */
@PageController
@RequestMapping("/board/members")
class RegisterPages {

    /** One row of the register list, today's or as of a date. */
    record Row(
            long memberNumber,
            String name,
            BodyKind bodyKind,
            String status,
            int shares,
            BigDecimal paidInCapital,
            LocalDate joinedOn) {}

    static final List<String> STATUSES = List.of("ACTIVE", "LEAVING", "ENDED");

    private final Register register;
    private final MemberHistory history;
    private final CommandGateway commands;
    private final Validator validator;
    private final MessageSource messages;
    private final Statutes statutes;
    private final Clock clock;

    RegisterPages(
            Register register,
            MemberHistory history,
            CommandGateway commands,
            Validator validator,
            MessageSource messages,
            Statutes statutes,
            Clock clock) {
        this.register = register;
        this.history = history;
        this.commands = commands;
        this.validator = validator;
        this.messages = messages;
        this.statutes = statutes;
        this.clock = clock;
    }

    @InitBinder
    void blanksAreAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String asOf,
            Model model,
            HttpServletResponse response) {
        var members = register.members();
        var date = parseDate(asOf);
        List<Row> rows;
        if (asOf != null && !asOf.isBlank() && date.isEmpty()) {
            model.addAttribute("asOfError", message("error.asOf"));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            rows = List.of();
        } else if (date.isPresent()) {
            var kinds = members.stream()
                    .collect(Collectors.toMap(MemberRegisterEntry::memberId, MemberRegisterEntry::bodyKind));
            rows = register.asOf(date.get(), clock.instant()).stream()
                    .map(entry -> new Row(
                            entry.memberNumber(),
                            entry.name(),
                            kinds.get(entry.memberId()),
                            entry.status(),
                            entry.shares(),
                            entry.paidInCapital(),
                            entry.joinedOn()))
                    .toList();
        } else {
            rows = members.stream()
                    .map(entry -> new Row(
                            entry.memberNumber(),
                            entry.name(),
                            entry.bodyKind(),
                            entry.status(),
                            entry.shares(),
                            entry.paidInCapital(),
                            entry.joinedOn()))
                    .toList();
        }
        var needle = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        rows = rows.stream()
                .filter(row ->
                        needle.isEmpty() || row.name().toLowerCase(Locale.ROOT).contains(needle))
                .filter(row -> blank(status) || row.status().equals(status))
                .filter(row -> blank(kind)
                        || (row.bodyKind() != null && row.bodyKind().name().equals(kind)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("name", name);
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("asOf", asOf);
        model.addAttribute("asOfDate", date.orElse(null));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("bodyKinds", BodyKind.values());
        return "membership/board/members";
    }

    @GetMapping("/{memberNumber}")
    String member(@PathVariable long memberNumber, Model model) {
        return page(entry(memberNumber), model);
    }

    /** §31 GenG: the extract to print, the same as the API's, for a board member logged in to the pages. */
    @GetMapping(path = "/{memberNumber}/register-extract", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String extract(@PathVariable long memberNumber) {
        var entry = entry(memberNumber);
        return RegisterExtractController.html(new RegisterExtractController.RegisterExtract(
                entry, register.changes(entry.memberId()), clock.instant()));
    }

    @PostMapping("/{memberNumber}/share-decisions")
    String decideShares(
            @PathVariable long memberNumber,
            @ModelAttribute("sharesForm") DecisionForms.Shares form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var entry = entry(memberNumber);
        return decide(entry, form, binding, model, redirect, response, f -> {
            commands.sendAndWait(new DecideOnAdditionalShares(
                    entry.memberId(), f.getRequestId(), f.getApprove(), today(), CurrentUser.name(), null));
            return f.getApprove() ? "sharesApproved" : "sharesDeclined";
        });
    }

    @PostMapping("/{memberNumber}/notice")
    String notice(
            @PathVariable long memberNumber,
            @ModelAttribute("noticeForm") DecisionForms.Notice form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var entry = entry(memberNumber);
        return decide(entry, form, binding, model, redirect, response, f -> {
            commands.sendAndWait(new GiveNotice(entry.memberId(), f.getShares(), today(), null));
            return "noticeRecorded";
        });
    }

    @PostMapping("/{memberNumber}/exclusion")
    String exclude(
            @PathVariable long memberNumber,
            @ModelAttribute("exclusionForm") DecisionForms.Exclusion form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var entry = entry(memberNumber);
        return decide(entry, form, binding, model, redirect, response, f -> {
            commands.sendAndWait(new ExcludeMember(entry.memberId(), f.getReason(), today(), CurrentUser.name(), null));
            return "excluded";
        });
    }

    @PostMapping("/{memberNumber}/transfers")
    String transfer(
            @PathVariable long memberNumber,
            @ModelAttribute("transferForm") DecisionForms.Transfer form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var entry = entry(memberNumber);
        rejectUnknownMember(binding, "toMemberNumber", form.getToMemberNumber());
        return decide(entry, form, binding, model, redirect, response, f -> {
            commands.sendAndWait(new TransferCapital(
                    entry.memberId(),
                    register.memberId(f.getToMemberNumber()).orElseThrow(),
                    f.getShares(),
                    f.getAgreedOn() == null ? today() : f.getAgreedOn()));
            return "transferred";
        });
    }

    @PostMapping("/{memberNumber}/merger")
    String merge(
            @PathVariable long memberNumber,
            @ModelAttribute("mergerForm") DecisionForms.Merger form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var entry = entry(memberNumber);
        rejectUnknownMember(binding, "successorMemberNumber", form.getSuccessorMemberNumber());
        return decide(entry, form, binding, model, redirect, response, f -> {
            commands.sendAndWait(new MergeMembers(
                    List.of(entry.memberId()),
                    register.memberId(f.getSuccessorMemberNumber()).orElseThrow(),
                    f.getAgreedOn() == null ? today() : f.getAgreedOn()));
            return "merged";
        });
    }

    /** The other member a decision names must be in the register (unless binding already refused the field). */
    private void rejectUnknownMember(BindingResult binding, String field, Long memberNumber) {
        if (memberNumber != null
                && !binding.hasFieldErrors(field)
                && register.memberId(memberNumber).isEmpty()) {
            binding.rejectValue(field, "error.unknownMember", "no such member");
        }
    }

    /**
     * Checks the form's rules (each at its field, unless binding already found a type error there), sends the
     * command, and answers: a redirect with what was done; the page with the field errors (400); or the page with
     * the rule the decision broke (409).
     */
    private <F> String decide(
            MemberRegisterEntry entry,
            F form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Function<F, String> command) {
        for (var violation : validator.validate(form)) {
            var field = violation.getPropertyPath().toString();
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
        if (binding.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(entry, model);
        }
        try {
            redirect.addFlashAttribute("done", command.apply(form));
            return "redirect:/board/members/" + entry.memberNumber();
        } catch (RuleViolation violated) {
            model.addAttribute(
                    "refusal",
                    messages.getMessage(
                            "rule." + violated.rule(),
                            "shares-above-maximum".equals(violated.rule())
                                    ? new Object[] {statutes.shares().maximum()}
                                    : null,
                            violated.getMessage(),
                            LocaleContextHolder.getLocale()));
        } catch (ConflictingModificationException | ConcurrencyException concurrent) {
            model.addAttribute("refusal", message("board.member.concurrent"));
        }
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return page(entry, model);
    }

    private String page(MemberRegisterEntry entry, Model model) {
        model.addAttribute("member", entry);
        model.addAttribute("zone", BusinessTime.ZONE);
        model.addAttribute("changes", register.changes(entry.memberId()));
        model.addAttribute("history", history.of(entry.memberId()));
        model.addAttribute(
                "openShareRequests",
                register.shareRequests(Optional.of("OPEN")).stream()
                        .filter(request -> request.memberId().equals(entry.memberId()))
                        .toList());
        if (entry.successorMemberId() != null) {
            register.memberNumber(entry.successorMemberId()).ifPresent(n -> model.addAttribute("successorNumber", n));
        }
        model.addAttribute("active", !"ENDED".equals(entry.status()));
        addIfAbsent(model, "sharesForm", new DecisionForms.Shares());
        addIfAbsent(model, "noticeForm", new DecisionForms.Notice());
        addIfAbsent(model, "exclusionForm", new DecisionForms.Exclusion());
        addIfAbsent(model, "transferForm", new DecisionForms.Transfer());
        addIfAbsent(model, "mergerForm", new DecisionForms.Merger());
        return "membership/board/member";
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    private MemberRegisterEntry entry(long memberNumber) {
        return register.member(memberNumber)
                .orElseThrow(() -> new NotFound("There is no member number " + memberNumber + "."));
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Optional<LocalDate> parseDate(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
