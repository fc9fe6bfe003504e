package org.allmende.billing.payment;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The pain.008.001.02 schema of the Deutsche Kreditwirtschaft (DFÜ agreement, annex 3), as shipped in the
 * hbci4j-core jar, for validating the files billing makes.
 */
public final class Pain008Schema {

    private static Schema schema;

    private Pain008Schema() {}

    private static synchronized Schema schema() {
        if (schema == null) {
            var url = Pain008Schema.class.getResource("/pain.008.001.02.xsd");
            if (url == null) {
                throw new IllegalStateException("pain.008.001.02.xsd is not on the test classpath (hbci4j-core)");
            }
            try {
                var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                schema = factory.newSchema(url);
            } catch (SAXException e) {
                throw new IllegalStateException(e);
            }
        }
        return schema;
    }

    /** Throws, with the schema's message, if the document does not validate. */
    public static void validate(String xml) {
        try {
            schema().newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("pain.008 does not validate: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
