package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which member's account a payment belongs to and which items it pays, in this order: our own direct debit
 * (end-to-end reference), the document numbers in the remittance text, the member (entered, named in the text, or
 * owner of a mandate's IBAN) with exactly the amount of one open item or of all its open items. Anything else is
 * unmatched and waits for finance.
 */
@Component
class Matching {

    /** Where a payment goes; no member means unmatched. {@code hint} is the member the payment named, if any. */
    record Match(Long memberNumber, List<Long> itemIds, MatchedBy how, Long hint) {
        static Match unmatched(Long hint) {
            return new Match(null, List.of(), null, hint);
        }

        boolean matched() {
            return memberNumber != null;
        }
    }

    private final JdbcTemplate jdbc;

    Matching(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Match match(IncomingPayment payment) {
        var hint = memberHint(payment);
        if (payment.endToEndId() != null) {
            var collected = jdbc.query(
                    """
                    select i.id, i.member_number from direct_debit_collection c join open_item i on i.id = c.open_item_id
                    where c.end_to_end_id = ?
                    """,
                    (row, i) -> new Match(
                            row.getLong("member_number"),
                            List.of(row.getLong("id")),
                            MatchedBy.DIRECT_DEBIT,
                            hint.orElse(null)),
                    payment.endToEndId());
            if (!collected.isEmpty()) {
                return collected.get(0);
            }
        }
        var documents = documentsIn(nullToEmpty(payment.remittanceText()) + " " + nullToEmpty(payment.endToEndId()));
        if (!documents.isEmpty()) {
            var members = documents.stream()
                    .map(RemittanceText.Found::memberNumber)
                    .distinct()
                    .toList();
            if (members.size() == 1) {
                return new Match(
                        members.get(0),
                        documents.stream().map(RemittanceText.Found::itemId).toList(),
                        MatchedBy.DOCUMENT_NUMBER,
                        hint.orElse(null));
            }
            // documents of several members in one payment: not ours to split
            return Match.unmatched(hint.orElse(null));
        }
        return hint.flatMap(member -> byAmount(member, payment.amount())
                        .map(items -> new Match(member, items, MatchedBy.MEMBER_AND_AMOUNT, member)))
                .orElseGet(() -> Match.unmatched(hint.orElse(null)));
    }

    /** The member the payment names: entered by finance, written by the payer, or the owner of the paying IBAN. */
    private Optional<Long> memberHint(IncomingPayment payment) {
        if (payment.memberNumber() != null) {
            return Optional.of(payment.memberNumber());
        }
        var written = RemittanceText.memberNumber(payment.remittanceText());
        if (written.isPresent()) {
            return written;
        }
        if (payment.debtorIban() == null) {
            return Optional.empty();
        }
        var owners = jdbc.queryForList(
                "select distinct member_number from sepa_mandate where iban = ?", Long.class, payment.debtorIban());
        return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
    }

    private List<RemittanceText.Found> documentsIn(String text) {
        var searchable = RemittanceText.searchable(text);
        if (searchable.isEmpty()) {
            return List.of();
        }
        return RemittanceText.distinct(jdbc.query(
                """
                select id, member_number, document_number, strpos(?, upper(document_number)) - 1 as position
                from open_item where strpos(?, upper(document_number)) > 0
                """,
                (row, i) -> new RemittanceText.Found(
                        row.getLong("id"),
                        row.getLong("member_number"),
                        row.getString("document_number").toUpperCase(java.util.Locale.ROOT),
                        row.getInt("position")),
                searchable,
                searchable));
    }

    /** The oldest open item of exactly this amount, else all open items if they add up to it exactly. */
    private Optional<List<Long>> byAmount(long member, BigDecimal amount) {
        var open = jdbc.query(Settlement.OPEN_DEBITS, Settlement::debit, member);
        for (var item : open) {
            if (item.open().compareTo(amount) == 0) {
                return Optional.of(List.of(item.id()));
            }
        }
        var total = open.stream().map(Settlement.Debit::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (open.size() > 1 && total.compareTo(amount) == 0) {
            return Optional.of(open.stream().map(Settlement.Debit::id).toList());
        }
        return Optional.empty();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
