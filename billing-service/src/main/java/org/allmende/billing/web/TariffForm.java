package org.allmende.billing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.PriceModelData;
import org.allmende.billing.tariff.PriceModelData.Type;
import org.allmende.billing.tariff.VatRegime;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finance's tariff form: the fields of the chosen price model, named as the API's model names them
 * ({@code unitPrice}, {@code tiers[1].upTo}, {@code inner.tiers[0].unitPrice}), so that a rule the model breaks is
 * shown at the field it names. It keeps what was typed, reads it into a {@link PriceModelData} (numbers as typed on
 * a German or an English page), and says how many rows each list of tiers or brackets shows.
 */
public final class TariffForm {

    /** The models a minimum charge may apply to: a service's flat, seat or usage price. */
    static final List<Type> INNER_TYPES =
            List.of(Type.FLAT_FEE, Type.PER_SEAT, Type.PER_UNIT, Type.GRADUATED_TIERS, Type.VOLUME_TIERS, Type.PACKAGE);

    /** The lists of rows, each under its prefix. */
    private static final List<String> LISTS = List.of("tiers", "inner.tiers", "byInhabitants", "byStaff");

    private static final Pattern ROW = Pattern.compile("(.+)\\[(\\d+)]\\..+");
    private static final Pattern GERMAN_DAY = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.?");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ROWS_SHOWN = 2;

    private final Map<String, String> typed;
    private final Map<String, Integer> rows = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    private TariffForm(Map<String, String> typed) {
        this.typed = typed;
        for (var list : LISTS) {
            rows.put(list, ROWS_SHOWN);
        }
        for (var key : typed.keySet()) {
            var row = ROW.matcher(key);
            if (row.matches() && rows.containsKey(row.group(1))) {
                rows.merge(row.group(1), Integer.parseInt(row.group(2)) + 1, Math::max);
            }
        }
    }

    /** A new plan: a price per unit, taxed, a yearly cadence and the reference day a year back where they apply. */
    static TariffForm blank() {
        var typed = new LinkedHashMap<String, String>();
        typed.put("type", Type.PER_UNIT.name());
        typed.put("vatRegime", VatRegime.STANDARD.name());
        typed.put("per", Cadence.YEAR.name());
        typed.put("inner.type", Type.PER_UNIT.name());
        typed.put("inner.per", Cadence.YEAR.name());
        typed.put("referenceDay.day", "12-31");
        typed.put("referenceDay.yearsBefore", "1");
        return new TariffForm(typed);
    }

    /** What the form sent (only its own fields: no token, no button). */
    static TariffForm sent(Map<String, String> parameters) {
        var typed = new LinkedHashMap<>(parameters);
        typed.remove("_csrf");
        typed.remove("action");
        return new TariffForm(typed);
    }

    /** One more row in a list of tiers or brackets. */
    TariffForm addRow(String list) {
        if (rows.containsKey(list)) {
            rows.merge(list, 1, Integer::sum);
        }
        return this;
    }

    public String value(String key) {
        return typed.getOrDefault(key, "");
    }

    /** An element id for a field: {@code tiers[1].upTo} is {@code tiers-1-upTo}. */
    public String id(String key) {
        return key.replace("[", "-").replace("]", "").replace('.', '-');
    }

    public int rows(String list) {
        return rows.getOrDefault(list, ROWS_SHOWN);
    }

    /** The chosen model under a prefix ({@code ""} or {@code "inner."}); a price per unit where none is chosen. */
    public Type type(String prefix) {
        try {
            var type = Type.valueOf(value(prefix + "type"));
            return prefix.isEmpty() || INNER_TYPES.contains(type) ? type : Type.PER_UNIT;
        } catch (IllegalArgumentException e) {
            return Type.PER_UNIT;
        }
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** The message key of the error at a field, or null. */
    public String error(String key) {
        return errors.get(key);
    }

    void reject(String key, String message) {
        errors.putIfAbsent(key, message);
    }

    /** A field's name without its list and prefix: {@code inner.tiers[1].upTo} is {@code upTo}. */
    public String name(String key) {
        var name = key.replaceAll("\\[\\d+]", "");
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * The model as the API takes it, or null where a field cannot be read (each such field rejected with its
     * reason): a required number left empty, a number that is none.
     */
    PriceModelData model() {
        var data = read("");
        if (!errors.isEmpty()) {
            return null;
        }
        return JSON.convertValue(data, PriceModelData.class);
    }

    private Map<String, Object> read(String prefix) {
        var type = type(prefix);
        var data = new LinkedHashMap<String, Object>();
        data.put("type", type.name());
        switch (type) {
            case FLAT_FEE -> {
                data.put("amount", money(prefix + "amount"));
                data.put("per", cadence(prefix + "per"));
            }
            case PER_SEAT -> {
                data.put("pricePerSeat", money(prefix + "pricePerSeat"));
                data.put("per", cadence(prefix + "per"));
            }
            case PER_UNIT -> data.put("unitPrice", money(prefix + "unitPrice"));
            case GRADUATED_TIERS, VOLUME_TIERS -> data.put("tiers", tiers(prefix + "tiers"));
            case PACKAGE -> {
                data.put("blockSize", money(prefix + "blockSize"));
                data.put("blockPrice", money(prefix + "blockPrice"));
            }
            case MINIMUM_CHARGE -> {
                data.put("minimum", money(prefix + "minimum"));
                data.put("per", cadence(prefix + "per"));
                data.put("inner", read("inner."));
            }
            case MEMBERSHIP_FEE -> {
                data.put("byInhabitants", brackets("byInhabitants"));
                data.put("byStaff", brackets("byStaff"));
                data.put("per", cadence("per"));
                var day = new LinkedHashMap<String, Object>();
                day.put("day", monthDay(value("referenceDay.day")));
                day.put("yearsBefore", whole("referenceDay.yearsBefore"));
                data.put("referenceDay", day);
            }
        }
        data.values().removeIf(v -> v == null);
        return data;
    }

    /** The rows up to the last one with anything typed in it; the last tier's empty bound is "and above". */
    private List<Map<String, Object>> tiers(String list) {
        var tiers = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < filled(list, "upTo", "unitPrice"); i++) {
            var tier = new LinkedHashMap<String, Object>();
            var upTo = list + "[" + i + "].upTo";
            tier.put("upTo", value(upTo).isBlank() ? null : money(upTo));
            tier.put("unitPrice", money(list + "[" + i + "].unitPrice"));
            tiers.add(tier);
        }
        return tiers.isEmpty() ? null : tiers;
    }

    private List<Map<String, Object>> brackets(String list) {
        var brackets = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < filled(list, "from", "fee"); i++) {
            var bracket = new LinkedHashMap<String, Object>();
            bracket.put("from", whole(list + "[" + i + "].from"));
            bracket.put("fee", money(list + "[" + i + "].fee"));
            brackets.add(bracket);
        }
        return brackets.isEmpty() ? null : brackets;
    }

    /** How many rows of a list count: up to the last with anything typed. */
    private int filled(String list, String... fields) {
        var count = 0;
        for (int i = 0; i < rows(list); i++) {
            for (var field : fields) {
                if (!value(list + "[" + i + "]." + field).isBlank()) {
                    count = i + 1;
                }
            }
        }
        return count;
    }

    private String cadence(String key) {
        try {
            return Cadence.valueOf(value(key)).name();
        } catch (IllegalArgumentException e) {
            reject(key, "error.NotBlank");
            return null;
        }
    }

    private BigDecimal money(String key) {
        var text = value(key);
        if (text.isBlank()) {
            reject(key, "error.NotBlank");
            return null;
        }
        var amount = AmountField.parse(text);
        if (amount.isEmpty()) {
            reject(key, "error.number");
            return null;
        }
        return amount.get();
    }

    private Long whole(String key) {
        var text = value(key).strip().replace(".", "").replace(",", "");
        if (text.isEmpty()) {
            reject(key, "error.NotBlank");
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            reject(key, "error.whole-number");
            return null;
        }
    }

    /** {@code 12-31}, {@code --12-31} or {@code 31.12.} as the model's {@code --MM-DD}; anything else as typed. */
    private static String monthDay(String text) {
        var day = text.strip();
        var german = GERMAN_DAY.matcher(day);
        if (german.matches()) {
            return "--%02d-%02d".formatted(Integer.parseInt(german.group(2)), Integer.parseInt(german.group(1)));
        }
        return day.startsWith("--") ? day : "--" + day;
    }
}
