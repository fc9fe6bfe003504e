package org.allmende.billing.document;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.allmende.events.billing.VatRegime;

/** Document lines as rows: the same columns in {@code draft_line} and {@code issued_line}, numbered from 1. */
final class LineRows {

    private LineRows() {}

    /** The insert of a document's lines into {@code table}, whose owner column is {@code ownerColumn}. */
    static String insert(String table, String ownerColumn) {
        return "insert into " + table + " (" + ownerColumn
                + ", line_no, kind, description, service_code, quantity, unit, unit_price, net, vat_rate_percent,"
                + " regime, vat, gross) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /**
     * The insert of many documents' lines in one statement, from one array per column ({@link #setColumns}); the
     * owner column's array has the SQL type {@code ownerType}.
     */
    static String insertAll(String table, String ownerColumn, String ownerType) {
        return "insert into " + table + " (" + ownerColumn
                + ", line_no, kind, description, service_code, quantity, unit, unit_price, net, vat_rate_percent,"
                + " regime, vat, gross) select * from unnest(?::" + ownerType + "[], ?::int[], ?::varchar[],"
                + " ?::varchar[], ?::varchar[], ?::numeric[], ?::varchar[], ?::numeric[], ?::numeric[], ?::numeric[],"
                + " ?::varchar[], ?::numeric[], ?::numeric[])";
    }

    /** Binds rows of {@link #of} as the column arrays of {@link #insertAll}. */
    static void setColumns(Connection con, PreparedStatement statement, String ownerType, List<Object[]> rows)
            throws SQLException {
        var types = new String[] {
            ownerType, "int4", "varchar", "varchar", "varchar", "numeric", "varchar", "numeric", "numeric", "numeric",
            "varchar", "numeric", "numeric"
        };
        for (int column = 0; column < types.length; column++) {
            var values = new Object[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.get(i)[column];
            }
            statement.setArray(column + 1, con.createArrayOf(types[column], values));
        }
    }

    static List<Object[]> of(Object owner, List<DocumentLine> lines) {
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            rows.add(new Object[] {
                owner,
                i + 1,
                line.kind().name(),
                line.description(),
                line.serviceCode(),
                line.quantity(),
                line.unit(),
                line.unitPrice(),
                line.net(),
                line.vatRatePercent(),
                line.regime().name(),
                line.vat(),
                line.gross()
            });
        }
        return rows;
    }

    static DocumentLine read(ResultSet row, int i) throws SQLException {
        return new DocumentLine(
                LineKind.valueOf(row.getString("kind")),
                row.getString("description"),
                row.getString("service_code"),
                plain(row.getBigDecimal("quantity")),
                row.getString("unit"),
                plain(row.getBigDecimal("unit_price")),
                row.getBigDecimal("net"),
                row.getBigDecimal("vat_rate_percent"),
                VatRegime.valueOf(row.getString("regime")),
                row.getBigDecimal("vat"),
                row.getBigDecimal("gross"));
    }

    /** Quantities and prices as they were written (numeric(18, 4) pads them to four decimals). */
    private static BigDecimal plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
