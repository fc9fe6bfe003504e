package org.allmende.membership.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.allmende.membership.member.CapitalTransfers.TransferCapital;
import org.allmende.membership.member.DueExits;
import org.allmende.membership.member.MemberCommands.ChangeAddress;
import org.allmende.membership.member.MemberCommands.DecideOnAdditionalShares;
import org.allmende.membership.member.MemberCommands.ExcludeMember;
import org.allmende.membership.member.MemberCommands.GiveNotice;
import org.allmende.membership.member.MemberCommands.RecordCapitalPayment;
import org.allmende.membership.member.MemberCommands.ReportInhabitants;
import org.allmende.membership.member.MemberCommands.RequestAdditionalShares;
import org.allmende.membership.member.Mergers.MergeMembers;
import org.allmende.membership.register.MemberRegisterEntry;
import org.allmende.membership.register.Register;
import org.allmende.membership.register.RegisterAsOf;
import org.allmende.membership.register.ShareRequestView;
import org.allmende.support.security.CurrentUser;
import org.allmende.support.web.NotFound;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member register (§30 GenG) and what the board, finance and members do with a membership: shares, capital,
 * notice, exclusion, transfer, merger. Members act only on their own membership, found through their login.
 */
@RestController
class MemberController {

    private final Register register;
    private final CommandGateway commands;
    private final MemberHistory history;
    private final DueExits dueExits;
    private final Clock clock;

    MemberController(
            Register register, CommandGateway commands, MemberHistory history, DueExits dueExits, Clock clock) {
        this.register = register;
        this.commands = commands;
        this.history = history;
        this.dueExits = dueExits;
        this.clock = clock;
    }

    @GetMapping("/api/members")
    List<MemberRegisterEntry> all() {
        return register.members();
    }

    @GetMapping("/api/members/{memberNumber}")
    MemberRegisterEntry one(@PathVariable long memberNumber) {
        return register.member(memberNumber).orElseThrow(() -> unknown(memberNumber));
    }

    /** The register as of a date (default today), as recorded by a moment (default now). */
    @GetMapping("/api/register")
    List<RegisterAsOf> asOf(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> asOf,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> knownAt) {
        return register.asOf(asOf.orElseGet(this::today), knownAt.orElseGet(clock::instant));
    }

    /** Everything that happened to a member, with who did it and in which request. */
    @GetMapping("/api/members/{memberNumber}/history")
    List<Map<String, Object>> history(@PathVariable long memberNumber) {
        return history.of(memberId(memberNumber)).stream()
                .map(entry -> Map.<String, Object>of(
                        "sequence", entry.sequence(),
                        "type", entry.type(),
                        "recordedAt", entry.recordedAt(),
                        "by", entry.by(),
                        "role", entry.role(),
                        "correlationId", entry.correlationId(),
                        "fact", entry.fact()))
                .toList();
    }

    @GetMapping("/api/share-requests")
    List<ShareRequestView> shareRequests(@RequestParam Optional<String> status) {
        return register.shareRequests(status);
    }

    @PostMapping("/api/members/{memberNumber}/share-requests")
    ResponseEntity<Map<String, Object>> requestShares(
            @PathVariable long memberNumber, @Valid @RequestBody MemberForms.ShareRequestForm form) {
        return requestSharesFor(memberId(memberNumber), form);
    }

    @PostMapping("/api/me/share-requests")
    ResponseEntity<Map<String, Object>> requestSharesMyself(@Valid @RequestBody MemberForms.ShareRequestForm form) {
        return requestSharesFor(myMemberId(), form);
    }

    private ResponseEntity<Map<String, Object>> requestSharesFor(UUID memberId, MemberForms.ShareRequestForm form) {
        var requestId = UUID.randomUUID();
        commands.sendAndWait(new RequestAdditionalShares(
                memberId, requestId, form.shares(), today(), CurrentUser.name(), form.expectedVersion()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("requestId", requestId, "status", "OPEN"));
    }

    @PostMapping("/api/members/{memberNumber}/share-requests/{requestId}/decision")
    Map<String, Object> decideShares(
            @PathVariable long memberNumber,
            @PathVariable UUID requestId,
            @Valid @RequestBody MemberForms.ShareDecisionForm form) {
        commands.sendAndWait(new DecideOnAdditionalShares(
                memberId(memberNumber),
                requestId,
                form.approve(),
                today(),
                CurrentUser.name(),
                form.expectedVersion()));
        return Map.of("requestId", requestId, "status", form.approve() ? "APPROVED" : "DECLINED");
    }

    @PostMapping("/api/members/{memberNumber}/capital-payments")
    ResponseEntity<Void> recordPayment(
            @PathVariable long memberNumber, @Valid @RequestBody MemberForms.CapitalPaymentForm form) {
        commands.sendAndWait(
                new RecordCapitalPayment(memberId(memberNumber), form.amount(), form.paidOn(), form.reference()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/members/{memberNumber}/inhabitants")
    ResponseEntity<Void> reportInhabitants(
            @PathVariable long memberNumber, @Valid @RequestBody MemberForms.InhabitantsForm form) {
        commands.sendAndWait(new ReportInhabitants(memberId(memberNumber), form.inhabitants(), form.referenceDate()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/members/{memberNumber}/notice")
    Map<String, Object> recordNotice(@PathVariable long memberNumber, @Valid @RequestBody MemberForms.NoticeForm form) {
        return notice(memberId(memberNumber), form, memberNumber);
    }

    @PostMapping("/api/me/notice")
    Map<String, Object> giveNotice(@Valid @RequestBody MemberForms.NoticeForm form) {
        var memberNumber = CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
        return notice(memberId(memberNumber), form, memberNumber);
    }

    private Map<String, Object> notice(UUID memberId, MemberForms.NoticeForm form, long memberNumber) {
        commands.sendAndWait(new GiveNotice(memberId, form.shares(), today(), form.expectedVersion()));
        return Map.of("memberNumber", memberNumber, "entry", one(memberNumber));
    }

    @PostMapping("/api/members/{memberNumber}/address")
    ResponseEntity<Void> changeAddress(
            @PathVariable long memberNumber, @Valid @RequestBody MemberForms.AddressForm form) {
        commands.sendAndWait(new ChangeAddress(
                memberId(memberNumber), form.address().toPostalAddress(), form.effectiveOn(), form.expectedVersion()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/members/{memberNumber}/exclusion")
    ResponseEntity<Void> exclude(@PathVariable long memberNumber, @Valid @RequestBody MemberForms.ExclusionForm form) {
        commands.sendAndWait(new ExcludeMember(
                memberId(memberNumber), form.reason(), today(), CurrentUser.name(), form.expectedVersion()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/members/{memberNumber}/transfers")
    ResponseEntity<Void> transfer(@PathVariable long memberNumber, @Valid @RequestBody MemberForms.TransferForm form) {
        commands.sendAndWait(new TransferCapital(
                memberId(memberNumber),
                memberId(form.toMemberNumber()),
                form.shares(),
                form.agreedOn() == null ? today() : form.agreedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/mergers")
    ResponseEntity<Void> merge(@Valid @RequestBody MemberForms.MergerForm form) {
        commands.sendAndWait(new MergeMembers(
                form.mergedMemberNumbers().stream().map(this::memberId).toList(),
                memberId(form.successorMemberNumber()),
                form.agreedOn() == null ? today() : form.agreedOn()));
        return ResponseEntity.noContent().build();
    }

    /** Applies the exits and partial notices due today now, rather than at the nightly run. */
    @PostMapping("/api/exits/run")
    Map<String, Object> runDueExits() {
        return Map.of("date", today(), "membersLookedAt", dueExits.run());
    }

    private UUID myMemberId() {
        var memberNumber = CurrentUser.memberNumber().orElseThrow(() -> new NotFound("This login is no member."));
        return memberId(memberNumber);
    }

    private UUID memberId(long memberNumber) {
        return register.memberId(memberNumber).orElseThrow(() -> unknown(memberNumber));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static NotFound unknown(long memberNumber) {
        return new NotFound("There is no member number " + memberNumber + ".");
    }
}
