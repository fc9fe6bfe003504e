package org.allmende.membership.web;

import java.util.Optional;
import java.util.UUID;
import org.allmende.membership.admission.Vote;
import org.allmende.membership.admission.VoteCounted;
import org.allmende.membership.register.ApplicationView;
import org.allmende.membership.register.Register;
import org.allmende.membership.statutes.Statutes;
import org.allmende.support.pages.PageController;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The board's workspace for admissions: pending applications with the votes so far and the quorum's progress;
 * voting with a comment; declaring a conflict of interest. Through the same commands as the REST API. Forms post
 * with htmx (the decision panel is replaced in place) and work as plain forms without it.
 */
@PageController
@RequestMapping("/board")
class BoardPages {

    static final int MAX_TEXT = 2000;

    private final Register register;
    private final BoardDecisions decisions;
    private final Statutes statutes;
    private final MessageSource messages;

    BoardPages(Register register, BoardDecisions decisions, Statutes statutes, MessageSource messages) {
        this.register = register;
        this.decisions = decisions;
        this.statutes = statutes;
        this.messages = messages;
    }

    @GetMapping
    String board() {
        return "redirect:/board/applications";
    }

    @GetMapping("/applications")
    String pending(Model model) {
        model.addAttribute("applications", register.applications(Optional.of("PENDING")));
        model.addAttribute("votesNeeded", statutes.admission().minimumVotesCast());
        return "membership/board/applications";
    }

    @GetMapping("/applications/{applicationId}")
    String application(@PathVariable UUID applicationId, Model model) {
        show(applicationId, model);
        return "membership/board/application";
    }

    @PostMapping("/applications/{applicationId}/votes")
    String vote(
            @PathVariable UUID applicationId,
            @RequestParam(required = false) Vote vote,
            @RequestParam(required = false) String comment,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        var blank = comment == null || comment.isBlank();
        if (vote == null) {
            return refused(applicationId, "board.vote.required", htmx, model, redirect);
        }
        if (!blank && comment.length() > MAX_TEXT) {
            return refused(applicationId, "board.text.tooLong", htmx, model, redirect);
        }
        try {
            var counted = decisions.vote(applicationId, vote, blank ? null : comment.strip());
            return done(applicationId, "counted", counted, htmx, model, redirect);
        } catch (RuleViolation violated) {
            return refused(applicationId, violated, htmx, model, redirect);
        }
    }

    @PostMapping("/applications/{applicationId}/conflicts")
    String conflict(
            @PathVariable UUID applicationId,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            return refused(applicationId, "board.conflict.reasonRequired", htmx, model, redirect);
        }
        if (reason.length() > MAX_TEXT) {
            return refused(applicationId, "board.text.tooLong", htmx, model, redirect);
        }
        try {
            decisions.declareConflict(applicationId, reason.strip());
            return done(applicationId, "conflictDeclared", null, htmx, model, redirect);
        } catch (RuleViolation violated) {
            return refused(applicationId, violated, htmx, model, redirect);
        }
    }

    private String done(
            UUID applicationId,
            String what,
            VoteCounted counted,
            String htmx,
            Model model,
            RedirectAttributes redirect) {
        if (htmx == null) {
            redirect.addFlashAttribute("done", what);
            redirect.addFlashAttribute("counted", counted);
            return "redirect:/board/applications/" + applicationId;
        }
        model.addAttribute("done", what);
        model.addAttribute("counted", counted);
        show(applicationId, model);
        return "membership/board/application :: decision";
    }

    private String refused(
            UUID applicationId, RuleViolation violated, String htmx, Model model, RedirectAttributes redirect) {
        var message = messages.getMessage(
                "rule." + violated.rule(), null, violated.getMessage(), LocaleContextHolder.getLocale());
        return refusedWith(applicationId, message, htmx, model, redirect);
    }

    private String refused(UUID applicationId, String code, String htmx, Model model, RedirectAttributes redirect) {
        return refusedWith(
                applicationId, messages.getMessage(code, null, LocaleContextHolder.getLocale()), htmx, model, redirect);
    }

    private String refusedWith(
            UUID applicationId, String message, String htmx, Model model, RedirectAttributes redirect) {
        if (htmx == null) {
            redirect.addFlashAttribute("refusal", message);
            return "redirect:/board/applications/" + applicationId;
        }
        model.addAttribute("refusal", message);
        show(applicationId, model);
        return "membership/board/application :: decision";
    }

    private void show(UUID applicationId, Model model) {
        var application = register.application(applicationId).orElseThrow(() -> new NotFound("no application"));
        // "application" is a reserved name in Thymeleaf (the servlet context)
        model.addAttribute("applicationView", application);
        model.addAttribute("votesNeeded", statutes.admission().minimumVotesCast());
        model.addAttribute("votesCast", votesCast(application));
        if (model.getAttribute("counted") instanceof VoteCounted counted && counted.memberNumber() != null) {
            model.addAttribute("memberNumber", counted.memberNumber());
        } else if (application.memberId() != null) {
            register.memberNumber(application.memberId()).ifPresent(n -> model.addAttribute("memberNumber", n));
        }
    }

    static long votesCast(ApplicationView application) {
        return application.votes().stream()
                .filter(v -> "VOTE".equals(v.kind()) && !"ABSTAIN".equals(v.vote()))
                .count();
    }
}
