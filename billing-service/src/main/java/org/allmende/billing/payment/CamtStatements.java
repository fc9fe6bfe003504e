package org.allmende.billing.payment;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.allmende.support.time.BusinessTime;
import org.allmende.support.web.CalendarDates;
import org.allmende.support.web.InvalidField;

/**
 * Reads camt.053 bank statements (versions .001.02, as German banks send them under the DFÜ agreement, and
 * .001.08) with Prowide's ISO 20022 model into billing's {@link BankStatement}. Each version's types are first
 * read into the same plain records ({@link Raw}); what an entry and its transactions mean is decided once.
 */
final class CamtStatements {

    static final String V02 = "camt.053.001.02";
    static final String V08 = "camt.053.001.08";

    private CamtStatements() {}

    /** What both versions say, as they say it. */
    private interface Raw {
        record Statement(String id, String iban, List<Entry> entries) {}

        record Entry(
                String accountServicerReference,
                String entryReference,
                CreditDebitCode direction,
                Boolean reversal,
                String status,
                ActiveOrHistoricCurrencyAndAmount amount,
                LocalDate bookedOn,
                LocalDate valueDate,
                List<Transaction> transactions) {}

        record Transaction(
                String accountServicerReference,
                BigDecimal amount,
                String endToEndId,
                String mandateReference,
                List<String> unstructured,
                List<String> creditorReferences,
                String debtorName,
                String debtorIban,
                ReturnReason5Choice returnReason) {}
    }

    /** The statement, or {@link InvalidField} on {@code body} saying why it is none billing can read. */
    static BankStatement parse(String text) {
        // a byte order mark, as some online banking exports write one
        var xml = text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (xml == null || xml.isBlank()) {
            throw unreadable("is empty");
        }
        // A statement never has a DTD; refusing one keeps entity tricks out whatever the parser does.
        if (xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY")) {
            throw unreadable("must not contain a document type declaration");
        }
        // The XML binding rolls 2026-02-30 over to 2 March: every day must be one of the calendar.
        var day = DAY.matcher(xml);
        while (day.find()) {
            try {
                CalendarDates.parse(day.group(1));
            } catch (IllegalArgumentException e) {
                throw unreadable("has a date that is no day: " + day.group(1));
            }
        }
        AbstractMX message;
        try {
            message = AbstractMX.parse(xml);
        } catch (RuntimeException e) {
            throw unreadable("is not ISO 20022 XML: " + e.getMessage());
        }
        if (message instanceof MxCamt05300102 v02 && v02.getBkToCstmrStmt() != null) {
            var document = v02.getBkToCstmrStmt();
            return statement(
                    V02,
                    document.getGrpHdr() == null ? null : document.getGrpHdr().getMsgId(),
                    document.getStmt().stream()
                            .map(s -> new Raw.Statement(
                                    s.getId(),
                                    s.getAcct() == null
                                            ? null
                                            : iban(s.getAcct().getId()),
                                    s.getNtry().stream()
                                            .map(CamtStatements::entry02)
                                            .toList()))
                            .toList());
        }
        if (message instanceof MxCamt05300108 v08 && v08.getBkToCstmrStmt() != null) {
            var document = v08.getBkToCstmrStmt();
            return statement(
                    V08,
                    document.getGrpHdr() == null ? null : document.getGrpHdr().getMsgId(),
                    document.getStmt().stream()
                            .map(s -> new Raw.Statement(
                                    s.getId(),
                                    s.getAcct() == null
                                            ? null
                                            : iban(s.getAcct().getId()),
                                    s.getNtry().stream()
                                            .map(CamtStatements::entry08)
                                            .toList()))
                            .toList());
        }
        throw unreadable("is no camt.053.001.02 or camt.053.001.08 statement"
                + (message == null ? "" : " but " + message.getMxId().id()));
    }

    private static final Pattern DAY = Pattern.compile("<(?:\\w+:)?Dt>\\s*([^<]{0,40}?)\\s*</(?:\\w+:)?Dt>");

    private static Raw.Entry entry02(ReportEntry2 entry) {
        return new Raw.Entry(
                entry.getAcctSvcrRef(),
                entry.getNtryRef(),
                entry.getCdtDbtInd(),
                entry.isRvslInd(),
                entry.getSts() == null ? null : entry.getSts().value(),
                entry.getAmt(),
                entry.getBookgDt() == null
                        ? null
                        : day(entry.getBookgDt().getDt(), entry.getBookgDt().getDtTm()),
                entry.getValDt() == null
                        ? null
                        : day(entry.getValDt().getDt(), entry.getValDt().getDtTm()),
                entry.getNtryDtls().stream()
                        .flatMap(details -> details.getTxDtls().stream())
                        .map(CamtStatements::transaction02)
                        .toList());
    }

    private static Raw.Transaction transaction02(EntryTransaction2 tx) {
        var refs = tx.getRefs();
        var parties = tx.getRltdPties();
        var remittance = tx.getRmtInf();
        return new Raw.Transaction(
                refs == null ? null : refs.getAcctSvcrRef(),
                amount(tx.getAmtDtls()),
                refs == null ? null : refs.getEndToEndId(),
                refs == null ? null : refs.getMndtId(),
                remittance == null ? List.of() : remittance.getUstrd(),
                remittance == null
                        ? List.of()
                        : remittance.getStrd().stream()
                                .map(s -> s.getCdtrRefInf() == null
                                        ? null
                                        : s.getCdtrRefInf().getRef())
                                .toList(),
                parties == null || parties.getDbtr() == null
                        ? null
                        : parties.getDbtr().getNm(),
                parties == null || parties.getDbtrAcct() == null
                        ? null
                        : iban(parties.getDbtrAcct().getId()),
                tx.getRtrInf() == null ? null : tx.getRtrInf().getRsn());
    }

    private static Raw.Entry entry08(ReportEntry10 entry) {
        return new Raw.Entry(
                entry.getAcctSvcrRef(),
                entry.getNtryRef(),
                entry.getCdtDbtInd(),
                entry.isRvslInd(),
                entry.getSts() == null ? null : entry.getSts().getCd(),
                entry.getAmt(),
                entry.getBookgDt() == null
                        ? null
                        : day(entry.getBookgDt().getDt(), entry.getBookgDt().getDtTm()),
                entry.getValDt() == null
                        ? null
                        : day(entry.getValDt().getDt(), entry.getValDt().getDtTm()),
                entry.getNtryDtls().stream()
                        .flatMap(details -> details.getTxDtls().stream())
                        .map(CamtStatements::transaction08)
                        .toList());
    }

    private static Raw.Transaction transaction08(EntryTransaction10 tx) {
        var refs = tx.getRefs();
        var parties = tx.getRltdPties();
        var remittance = tx.getRmtInf();
        var debtor = parties == null || parties.getDbtr() == null
                ? null
                : parties.getDbtr().getPty();
        return new Raw.Transaction(
                refs == null ? null : refs.getAcctSvcrRef(),
                tx.getAmt() != null ? tx.getAmt().getValue() : amount(tx.getAmtDtls()),
                refs == null ? null : refs.getEndToEndId(),
                refs == null ? null : refs.getMndtId(),
                remittance == null ? List.of() : remittance.getUstrd(),
                remittance == null
                        ? List.of()
                        : remittance.getStrd().stream()
                                .map(s -> s.getCdtrRefInf() == null
                                        ? null
                                        : s.getCdtrRefInf().getRef())
                                .toList(),
                debtor == null ? null : debtor.getNm(),
                parties == null || parties.getDbtrAcct() == null
                        ? null
                        : iban(parties.getDbtrAcct().getId()),
                tx.getRtrInf() == null ? null : tx.getRtrInf().getRsn());
    }

    private static BankStatement statement(String format, String messageId, List<Raw.Statement> statements) {
        limited(messageId, 35, "a message id (MsgId)");
        var entries = new ArrayList<BankStatement.Entry>();
        for (var statement : statements) {
            limited(statement.id(), 35, "a statement id (Stmt/Id)");
            limited(statement.iban(), 34, "an account IBAN");
            var position = 0;
            for (var entry : statement.entries()) {
                position++;
                entries.add(entry(
                        entries.size() + 1,
                        firstOf(entry.accountServicerReference(), entry.entryReference())
                                .orElse(statement.id() + "/" + position),
                        entry));
            }
        }
        return new BankStatement(
                format,
                messageId,
                statements.isEmpty() ? null : statements.get(0).id(),
                statements.isEmpty() ? null : statements.get(0).iban(),
                entries);
    }

    /**
     * An entry and its transactions, each with the reference that identifies it as a payment: a single one the
     * entry's, one of a batch its own (AcctSvcrRef) or the entry's with its position. Without transaction details
     * an entry is one transaction of its amount; a single transaction without an amount has the entry's; a batch
     * whose details do not add up to the booking cannot be split and is one payment.
     */
    private static BankStatement.Entry entry(int index, String reference, Raw.Entry raw) {
        if (raw.amount() == null || raw.amount().getValue() == null) {
            throw unreadable("has an entry without an amount (entry " + index + ")");
        }
        if (raw.bookedOn() == null) {
            throw unreadable("has an entry without a booking date (entry " + index + ")");
        }
        if (raw.direction() == null) {
            throw unreadable("has an entry without a credit or debit indicator CRDT or DBIT (entry " + index + ")");
        }
        var total = checked(raw.amount().getValue(), index);
        limited(reference, 140, "an entry reference (entry " + index + ")");
        var details = raw.transactions();
        var transactions = new ArrayList<BankStatement.Transaction>();
        for (var i = 0; i < details.size(); i++) {
            var tx = details.get(i);
            if (tx.amount() != null) {
                checked(tx.amount(), index);
            }
            limited(tx.accountServicerReference(), 140, "a transaction reference (entry " + index + ")");
            limited(tx.endToEndId(), 35, "an end-to-end id (entry " + index + ")");
            limited(tx.mandateReference(), 35, "a mandate reference (entry " + index + ")");
            limited(tx.debtorName(), 140, "a debtor name (entry " + index + ")");
            limited(tx.debtorIban(), 34, "a debtor IBAN (entry " + index + ")");
            transactions.add(new BankStatement.Transaction(
                    details.size() == 1
                            ? reference
                            : firstOf(tx.accountServicerReference()).orElse(reference + "/" + (i + 1)),
                    details.size() == 1 && tx.amount() == null ? total : tx.amount(),
                    meaningful(tx.endToEndId()),
                    tx.mandateReference(),
                    text(tx.unstructured(), tx.creditorReferences()),
                    tx.debtorName(),
                    tx.debtorIban(),
                    tx.returnReason() == null
                            ? null
                            : firstOf(
                                            tx.returnReason().getCd(),
                                            tx.returnReason().getPrtry())
                                    .orElse(null)));
        }
        var splittable = !transactions.isEmpty()
                && transactions.stream().allMatch(t -> t.amount() != null)
                && transactions.stream()
                                .map(BankStatement.Transaction::amount)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .compareTo(total)
                        == 0;
        return new BankStatement.Entry(
                index,
                reference,
                raw.direction() == CreditDebitCode.CRDT,
                Boolean.TRUE.equals(raw.reversal()),
                raw.status(),
                total,
                raw.amount().getCcy(),
                raw.bookedOn(),
                raw.valueDate(),
                splittable
                        ? List.copyOf(transactions)
                        : List.of(new BankStatement.Transaction(reference, total, null, null, null, null, null, null)));
    }

    /**
     * An amount as camt.053 writes it: without a sign (the direction is CdtDbtInd), in cents, and within what a
     * payment holds (999,999,999,999.99).
     */
    private static BigDecimal checked(BigDecimal amount, int index) {
        if (amount.signum() < 0) {
            throw unreadable("has a negative amount (entry " + index + "); the direction is CdtDbtInd");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw unreadable("has an amount finer than a cent (entry " + index + ")");
        }
        if (amount.precision() - amount.scale() > 12) {
            throw unreadable("has an amount beyond 999,999,999,999.99 (entry " + index + ")");
        }
        return amount;
    }

    private static void limited(String value, int most, String what) {
        if (value != null && value.length() > most) {
            throw unreadable("has " + what + " longer than " + most + " characters");
        }
    }

    private static InvalidField unreadable(String why) {
        return new InvalidField("body", "camt.053", "the statement " + why);
    }

    private static BigDecimal amount(AmountAndCurrencyExchange3 details) {
        if (details == null) {
            return null;
        }
        return Stream.of(details.getTxAmt(), details.getInstdAmt())
                .filter(Objects::nonNull)
                .map(d -> d.getAmt() == null ? null : d.getAmt().getValue())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static String iban(AccountIdentification4Choice account) {
        return account == null ? null : account.getIBAN();
    }

    /** Unstructured lines joined as the bank cut them, then any structured creditor reference. */
    private static String text(List<String> unstructured, List<String> references) {
        var all = Stream.concat(unstructured.stream(), references.stream())
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (all.isEmpty()) {
            return null;
        }
        var joined = String.join(" ", all);
        return joined.length() > 1000 ? joined.substring(0, 1000) : joined;
    }

    /** "NOTPROVIDED" is what the bank writes where the payer gave no reference. */
    private static String meaningful(String endToEndId) {
        return endToEndId == null || endToEndId.isBlank() || "NOTPROVIDED".equals(endToEndId) ? null : endToEndId;
    }

    private static LocalDate day(LocalDate date, OffsetDateTime dateTime) {
        if (date != null) {
            return date;
        }
        return dateTime == null
                ? null
                : dateTime.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
    }

    private static Optional<String> firstOf(String... values) {
        return Stream.of(values).filter(v -> v != null && !v.isBlank()).findFirst();
    }
}
