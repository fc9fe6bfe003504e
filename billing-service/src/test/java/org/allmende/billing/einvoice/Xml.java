package org.allmende.billing.einvoice;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** An e-invoice's XML read back with XPath, with the prefixes of both syntaxes. */
public final class Xml {

    private static final Map<String, String> NAMESPACES = Map.of(
            "ubl", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
            "cn", "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
            "cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
            "cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
            "rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
            "ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
            "udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");

    private final Document document;

    private Xml(Document document) {
        this.document = document;
    }

    public static Xml of(byte[] xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Xml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML", e);
        }
    }

    public String text(String xpath) {
        return (String) evaluate(xpath, XPathConstants.STRING);
    }

    public BigDecimal amount(String xpath) {
        return new BigDecimal(text(xpath).trim());
    }

    public int count(String xpath) {
        return ((NodeList) evaluate(xpath, XPathConstants.NODESET)).getLength();
    }

    private Object evaluate(String xpath, javax.xml.namespace.QName type) {
        try {
            var path = XPathFactory.newInstance().newXPath();
            path.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return NAMESPACES.get(prefix);
                }

                @Override
                public String getPrefix(String namespaceURI) {
                    return null;
                }

                @Override
                public Iterator<String> getPrefixes(String namespaceURI) {
                    return null;
                }
            });
            return path.evaluate(xpath, document, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
