package org.allmende.membership.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageCsvTest {

    private static final String HEADER =
            "sendingSystem,recordId,memberNumber,serviceCode,quantity,unit,usedFrom,usedTo,reversesRecordId\r\n";

    private static List<SubmittedRecord> read(String csv) {
        return UsageCsv.read(new StringReader(csv), 10);
    }

    @Test
    void readsRfc4180WithQuotesCommasAndLineBreaksInFields() {
        var records = read(HEADER
                + "druckflotte,r-1,1,PRINT-PAGES,120.5,PAGE,2026-03-01,2026-03-31,\r\n"
                + "\"druck,flotte\",\"r-\"\"2\"\"\",1,PRINT-PAGES,5,PAGE,2026-03-01,2026-03-31,r-1\r\n"
                + "\r\n"
                + "druckflotte,\"r\n3\",2,PRINT-PAGES,7,PAGE,2026-03-01,2026-03-01,\r\n");

        assertThat(records).hasSize(3);
        assertThat(records).allSatisfy(r -> assertThat(r.unreadable()).isNull());
        assertThat(records.get(0).quantity()).isEqualByComparingTo("120.5");
        assertThat(records.get(0).reversesRecordId()).isNull();
        assertThat(records.get(1).sendingSystem()).isEqualTo("druck,flotte");
        assertThat(records.get(1).recordId()).isEqualTo("r-\"2\"");
        assertThat(records.get(1).reversesRecordId()).isEqualTo("r-1");
        assertThat(records.get(2).recordId()).isEqualTo("r\n3");
        assertThat(records.get(2).index()).isEqualTo(2);
    }

    @Test
    void columnsMayComeInAnyOrderAndUsedAtMayReplaceThePeriod() {
        var records = read("\uFEFFunit,quantity,usedAt,serviceCode,memberNumber,recordId,sendingSystem\n"
                + "PAGE,3,2026-03-01T23:30:00Z,PRINT-PAGES,1,r-1,druckflotte\n");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.unreadable()).isNull();
            assertThat(r.usedFrom()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(r.usedTo()).isEqualTo(LocalDate.of(2026, 3, 2));
        });
    }

    @Test
    void aBadLineIsARejectedRecordNamingItsLineAndField() {
        var records = read(HEADER
                + "druckflotte,r-1,1,PRINT-PAGES,120.5,PAGE,2026-03-01,2026-03-31,\n"
                + "druckflotte,r-2,1,PRINT-PAGES,zwölf,PAGE,2026-03-01,2026-03-31,\n"
                + "druckflotte,r-3,1,PRINT-PAGES,5,PAGE,2026-03-01\n"
                + "druckflotte,\"multi\nline\",1,PRINT-PAGES,5,PAGE,2026-03-01,2026-03-31,\n"
                + "druckflotte,r-5,1,PRINT-PAGES,5,PAGE,2026-03-01,2026-03-31,\n"
                + "druckflotte,r-6,,PRINT-PAGES,5,PAGE,2026-03-01,2026-03-31,\n"
                + "druckflotte,\"r-7\"x,1,PRINT-PAGES,5,PAGE,2026-03-01,2026-03-31,\n"
                + "druckflotte,\"r-8,1,PRINT-PAGES,5,PAGE,2026-03-01,2026-03-31,\n"
                + "druckflotte,r-9,1,PRINT-PAGES,5,PAGE,2026-03-01,2026-03-31,\n");

        assertThat(records)
                .extracting(r -> r.unreadable() == null ? "ok" : r.unreadable().rule())
                .containsExactly("ok", "malformed", "malformed", "ok", "ok", "incomplete", "ok", "malformed");
        assertThat(records.get(1).unreadable().detail()).startsWith("line 3, field quantity:");
        assertThat(records.get(2).unreadable().detail()).startsWith("line 4, has 7 fields, the header 9");
        assertThat(records.get(2).recordId()).isEqualTo("r-3");
        assertThat(records.get(5).unreadable().detail()).startsWith("line 8, missing memberNumber");
        assertThat(records.get(6).recordId())
                .as("text after a closing quote is kept")
                .isEqualTo("r-7x");
        // a quote never closed runs to the end of the upload, as RFC 4180 reads it: one broken record
        assertThat(records.get(7).unreadable().detail()).startsWith("line 10, has 2 fields");
    }

    @Test
    void withoutAUsableHeaderTheUploadIsUnreadable() {
        for (var csv : new String[] {
            "",
            "druckflotte,r-1,1,PRINT-PAGES,120.5,PAGE,2026-03-01,2026-03-31,\n",
            "sendingSystem,recordId,memberNumber,serviceCode,quantity,unit,usedFrom\n",
            "sendingSystem,recordId,recordId,memberNumber,serviceCode,quantity,unit,usedAt\n"
        }) {
            assertThatThrownBy(() -> read(csv)).as(csv).isInstanceOfSatisfying(BatchRefused.class, e -> assertThat(
                            e.reason())
                    .isEqualTo(BatchRefused.Reason.UNREADABLE));
        }
    }

    @Test
    void aHeaderAloneIsAnEmptyBatch() {
        assertThat(read(HEADER)).isEmpty();
    }
}
