package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files Prowide's model writes are what the German banks' schema takes. */
class Pain008Test {

    private static final CreditorProperties CREDITOR = new CreditorProperties(
            "Kommunale IT-Genossenschaft Nordhessen eG", "DE21520503530001234567", "HELADEF1KAS", "DE98ZZZ09999999999");

    private static Pain008.Collection collection(String endToEndId, String amount, String bic) {
        return new Pain008.Collection(
                endToEndId,
                new BigDecimal(amount),
                "MANDAT-" + endToEndId,
                LocalDate.of(2026, 3, 1),
                "Gemeinde Kaufungen",
                "DE12500105170648489890",
                bic,
                endToEndId + " Mitglied 7");
    }

    private static String write(List<Pain008.Batch> batches) {
        return Pain008.write(
                "ALLMENDE-DD-20260615-1",
                OffsetDateTime.of(2026, 6, 15, 10, 0, 0, 123, ZoneOffset.ofHours(2)),
                LocalDate.of(2026, 6, 22),
                "CORE",
                CREDITOR,
                batches);
    }

    @Test
    void firstAndRecurringCollectionsWithAndWithoutBicValidate() {
        var xml = write(List.of(
                new Pain008.Batch(
                        "ALLMENDE-DD-20260615-1-FRST",
                        "FRST",
                        List.of(
                                collection("RE-2026-000001-1", "119.00", "INGDDEFFXXX"),
                                collection("RE-2026-000002-1", "0.01", null))),
                new Pain008.Batch(
                        "ALLMENDE-DD-20260615-1-RCUR",
                        "RCUR",
                        List.of(collection("KA-2026-000001-2", "2500.00", null)))));

        PainSchema.validate(xml);
        assertThat(xml).contains("<NbOfTxs>3</NbOfTxs>", "<CtrlSum>2619.01</CtrlSum>", "<SeqTp>FRST</SeqTp>");
        assertThat(xml).contains("<Id>NOTPROVIDED</Id>", "<BIC>INGDDEFFXXX</BIC>", "<Id>DE98ZZZ09999999999</Id>");
        assertThat(xml)
                .startsWith("<?xml")
                .contains("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\"");
    }

    @Test
    void theSchemaCatchesWhatTheBankWouldRefuse() {
        var xml = write(List.of(new Pain008.Batch(
                "ALLMENDE-DD-20260615-1-FRST", "FRST", List.of(collection("RE-2026-000001-1", "119.00", null)))));
        var broken = xml.replace("<SeqTp>FRST</SeqTp>", "<SeqTp>ONCE</SeqTp><SeqTp>FRST</SeqTp>");

        assertThatThrownBy(() -> PainSchema.validate(broken)).isInstanceOf(AssertionError.class);
    }
}
