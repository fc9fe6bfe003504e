package org.allmende.membership.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Reads {@code {"records":[{...}, ...]}} as a stream, one record at a time: a batch above the limit is refused at
 * its first record too many, without reading the rest. A record that is not an object, or a field that is an
 * object, array or boolean, is a record rejected as {@code malformed}; only a body that is no JSON of this shape
 * refuses the batch.
 */
public final class UsageJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private UsageJson() {}

    public static List<SubmittedRecord> read(InputStream body, int maximum) {
        try (var parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw BatchRefused.unreadable("The body must be a JSON object {\"records\":[...]}.");
            }
            List<SubmittedRecord> records = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var name = parser.currentName();
                parser.nextToken();
                if ("records".equals(name)) {
                    records = records(parser, maximum);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw BatchRefused.unreadable("The body holds more than one JSON object.");
            }
            if (records == null) {
                throw BatchRefused.unreadable("The body has no \"records\" array.");
            }
            return records;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw BatchRefused.unreadable("The body is not valid JSON"
                    + (location == null
                            ? ""
                            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<SubmittedRecord> records(JsonParser parser, int maximum) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw BatchRefused.unreadable("\"records\" must be an array of records.");
        }
        var records = new ArrayList<SubmittedRecord>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (records.size() == maximum) {
                throw BatchRefused.tooLarge(maximum);
            }
            JsonNode node = parser.readValueAsTree();
            records.add(record(records.size(), node));
        }
        return records;
    }

    private static SubmittedRecord record(int index, JsonNode node) {
        if (!node.isObject()) {
            return SubmittedRecord.unreadable(
                    index, null, null, new BrokenRule(BrokenRule.MALFORMED, "the record is not a JSON object"));
        }
        var fields = new HashMap<String, String>();
        for (var name : RecordFields.NAMES) {
            var value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual() && !value.isNumber()) {
                return SubmittedRecord.unreadable(
                        index,
                        text(node.get(RecordFields.SENDING_SYSTEM)),
                        text(node.get(RecordFields.RECORD_ID)),
                        RecordFields.malformed("", name, "must be a string or a number"));
            }
            fields.put(name, value.asText());
        }
        return RecordFields.read(index, "", fields);
    }

    private static String text(JsonNode value) {
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? value.asText().strip()
                : null;
    }
}
