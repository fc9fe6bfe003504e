package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.allmende.support.web.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statements as German banks send them, read into billing's entries and transactions. */
class CamtStatementsTest {

    static String resource(String name) {
        try (var in = CamtStatementsTest.class.getResourceAsStream("/camt053/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSparkasseStatementInVersion02GivesEachEntryWithItsTransactions() {
        var statement = CamtStatements.parse(resource("sparkasse-2026-06-12.camt053.001.02.xml"));

        assertThat(statement.format()).isEqualTo("camt.053.001.02");
        assertThat(statement.statementId()).isEqualTo("2026-06-12-00112");
        assertThat(statement.accountIban()).isEqualTo("DE21520503530001234567");
        assertThat(statement.entries()).hasSize(5);
        var first = statement.entries().get(0);
        assertThat(first.credit()).isTrue();
        assertThat(first.booked()).isTrue();
        assertThat(first.bookedOn()).isEqualTo(LocalDate.of(2026, 6, 12));
        assertThat(first.amount()).isEqualByComparingTo("119.00");
        assertThat(first.transactions()).singleElement().satisfies(tx -> {
            assertThat(tx.reference()).isEqualTo("2026061209481000001");
            assertThat(tx.endToEndId()).as("NOTPROVIDED is no reference").isNull();
            assertThat(tx.remittanceText()).isEqualTo("Rechnung RE-2026- 000201 Mai 2026 Kassenzeichen 4711");
            assertThat(tx.debtorName()).isEqualTo("Gemeinde Ahnatal");
            assertThat(tx.debtorIban()).isEqualTo("DE59250500001234567890");
        });
        var batch = statement.entries().get(3);
        assertThat(batch.batch()).isTrue();
        assertThat(batch.transactions())
                .extracting(BankStatement.Transaction::reference)
                .containsExactly("2026061213300000004/1", "2026061213300000004/2");
        assertThat(batch.transactions())
                .extracting(BankStatement.Transaction::amount)
                .map(Object::toString)
                .containsExactly("59.50", "35.70");
        var fee = statement.entries().get(4);
        assertThat(fee.credit()).isFalse();
        assertThat(fee.transactions()).singleElement().satisfies(tx -> assertThat(tx.amount())
                .isEqualByComparingTo("12.50"));
    }

    @Test
    void version08IsReadToo() {
        var statement = CamtStatements.parse(resource("bank-2026-06-13.camt053.001.08.xml"));

        assertThat(statement.format()).isEqualTo("camt.053.001.08");
        assertThat(statement.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.booked()).isTrue();
            assertThat(entry.reference()).isEqualTo("2026061308150000001");
            assertThat(entry.transactions()).singleElement().satisfies(tx -> {
                assertThat(tx.remittanceText()).isEqualTo("re-2026-000220");
                assertThat(tx.debtorName()).isEqualTo("Gemeinde Fuldabrueck");
            });
        });
    }

    @Test
    void whatIsNoStatementIsRefusedNamingTheBody() {
        for (var xml : new String[] {
            "",
            "not xml at all",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\"><CstmrDrctDbtInitn/></Document>"
        }) {
            assertThatThrownBy(() -> CamtStatements.parse(xml))
                    .as(xml)
                    .isInstanceOfSatisfying(InvalidField.class, e -> {
                        assertThat(e.field()).isEqualTo("body");
                        assertThat(e.rule()).isEqualTo("camt.053");
                    });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "<Amt Ccy=\"EUR\">119.00</Amt>    | <Amt Ccy=\"EUR\">-119.00</Amt>  | a negative amount",
                "<Amt Ccy=\"EUR\">119.00</Amt>    | <Amt Ccy=\"EUR\">119.001</Amt>  | finer than a cent",
                "<Amt Ccy=\"EUR\">119.00</Amt>    | <Amt Ccy=\"EUR\">1e400</Amt>    | beyond 999,999,999,999.99",
                "<CdtDbtInd>CRDT</CdtDbtInd> | <CdtDbtInd>XXX</CdtDbtInd>  | without a credit or debit indicator",
                "<Dt>2026-06-12</Dt>         | <Dt>2026-02-30</Dt>         | no day: 2026-02-30",
                "2026061209481000001         | %s                          | an entry reference"
            })
    void anEntryTheDatabaseCouldNotHoldIsRefusedBeforeAnythingIsBooked(String valid, String broken, String why) {
        var statement = resource("sparkasse-2026-06-12.camt053.001.02.xml");
        var entry = statement.indexOf("<Ntry>");
        var at = statement.indexOf(valid, entry);
        var xml = statement.substring(0, at)
                + broken.formatted("9".repeat(200))
                + statement.substring(at + valid.length());

        assertThatThrownBy(() -> CamtStatements.parse(xml)).isInstanceOfSatisfying(InvalidField.class, e -> {
            assertThat(e.field()).isEqualTo("body");
            assertThat(e.getMessage()).contains(why);
        });
    }
}
