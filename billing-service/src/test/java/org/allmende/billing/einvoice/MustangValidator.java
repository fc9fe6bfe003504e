package org.allmende.billing.einvoice;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.w3c.dom.Element;

/**
 * Mustang's validator, which nobody on this project wrote: for XML the UBL 2.1 or CII schema, the EN 16931 Schematron
 * and the XRechnung 3.0 Schematron (KoSIT's rules as XSLT); for a PDF additionally veraPDF's PDF/A-3 checks and the
 * Factur-X profile's Schematron on the embedded XML.
 */
public final class MustangValidator {

    public record Report(boolean valid, List<String> errors, List<String> warnings, String xml) {

        public String describe() {
            return "errors: " + errors + "\nwarnings: " + warnings + "\nreport:\n" + xml;
        }
    }

    private MustangValidator() {}

    public static Report validate(byte[] content, String fileName) {
        var validator = new ZUGFeRDValidator();
        var xml = validator.validate(content, fileName);
        var errors = new ArrayList<String>();
        var warnings = new ArrayList<String>();
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var report = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes("UTF-8")));
            collect(report.getElementsByTagName("error"), errors);
            collect(report.getElementsByTagName("exception"), errors);
            collect(report.getElementsByTagName("warning"), warnings);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the validation report:\n" + xml, e);
        }
        return new Report(validator.wasCompletelyValid() && errors.isEmpty(), errors, warnings, xml);
    }

    private static void collect(org.w3c.dom.NodeList nodes, List<String> into) {
        for (int i = 0; i < nodes.getLength(); i++) {
            var node = (Element) nodes.item(i);
            into.add(node.getTextContent().trim() + " @ " + node.getAttribute("location"));
        }
    }
}
