package org.allmende.billing.payment;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The schemas of the Deutsche Kreditwirtschaft (DFÜ agreement, annex 3) for the SEPA files billing makes —
 * pain.008.001.02 (direct debits) and pain.001.001.03 (credit transfers) — as shipped in the hbci4j-core jar.
 */
public final class PainSchema {

    public static final String PAIN_008 = "pain.008.001.02";
    public static final String PAIN_001 = "pain.001.001.03";

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private PainSchema() {}

    private static Schema schema(String message) {
        return SCHEMAS.computeIfAbsent(message, name -> {
            var url = PainSchema.class.getResource("/" + name + ".xsd");
            if (url == null) {
                throw new IllegalStateException(name + ".xsd is not on the test classpath (hbci4j-core)");
            }
            try {
                var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return factory.newSchema(url);
            } catch (SAXException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Throws, with the schema's message, if the pain.008 document does not validate. */
    public static void validate(String xml) {
        validate(PAIN_008, xml);
    }

    /** Throws, with the schema's message, if the document does not validate against the message's schema. */
    public static void validate(String message, String xml) {
        try {
            schema(message).newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError(message + " does not validate: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
