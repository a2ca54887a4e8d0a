package io.vigil.compliance.ncmec;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a CyberTipline XML document against the documented fields ({@link CyberTiplineFields}): no element the
 * documentation does not name, every required element present, no repetition where one is allowed, values of the
 * documented kinds (ISO 8601 date-times, booleans, integers, email addresses, enum values), children in the documented
 * order. With NCMEC's XSD configured it is validated against the XSD as well, which is then the last word.
 */
public final class CyberTiplineValidator {

    private final Optional<Schema> xsd;

    public CyberTiplineValidator(Optional<Path> xsdFile) {
        this.xsd = xsdFile.map(CyberTiplineValidator::loadXsd);
    }

    public List<String> validateReport(Document report) {
        return validate(report, CyberTiplineFields.REPORT);
    }

    public List<String> validateFileDetails(Document fileDetails) {
        return validate(fileDetails, CyberTiplineFields.FILE_DETAILS);
    }

    private List<String> validate(Document document, DocumentedField root) {
        List<String> problems = new ArrayList<>();
        Element element = document.getDocumentElement();
        if (!element.getTagName().equals(root.name())) {
            problems.add("/: the root element is <" + element.getTagName() + ">, not <" + root.name() + ">");
            return problems;
        }
        check(element, root, "/" + root.name(), problems);
        xsd.ifPresent(schema -> {
            try {
                schema.newValidator().validate(new DOMSource(document));
            } catch (SAXException e) {
                problems.add("XSD: " + e.getMessage());
            } catch (IOException e) {
                problems.add("XSD: " + e.getMessage());
            }
        });
        return problems;
    }

    private static void check(Element element, DocumentedField field, String path, List<String> problems) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!attribute.getName().startsWith("xmlns") && !attribute.getName().startsWith("xsi:")
                    && !field.attributes().contains(attribute.getName())) {
                problems.add(path + "/@" + attribute.getName() + ": not a documented attribute");
            }
        }
        List<Element> children = children(element);
        if (field.kind() != DocumentedField.Kind.GROUP) {
            if (!children.isEmpty()) {
                problems.add(path + ": holds a value, not elements");
            }
            checkValue(element.getTextContent(), field, path, problems);
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        int lastPosition = -1;
        for (Element child : children) {
            Optional<DocumentedField> documented = field.child(child.getTagName());
            if (documented.isEmpty()) {
                problems.add(path + "/" + child.getTagName() + ": not a documented field of <" + field.name() + ">");
                continue;
            }
            int position = field.children().indexOf(documented.get());
            if (position < lastPosition) {
                problems.add(path + "/" + child.getTagName() + ": out of the documented order");
            }
            lastPosition = Math.max(lastPosition, position);
            counts.merge(child.getTagName(), 1, Integer::sum);
            check(child, documented.get(), path + "/" + child.getTagName(), problems);
        }
        for (DocumentedField child : field.children()) {
            int count = counts.getOrDefault(child.name(), 0);
            if (child.occurs().required() && count == 0) {
                problems.add(path + "/" + child.name() + ": required");
            }
            if (!child.occurs().allowsMany() && count > 1) {
                problems.add(path + "/" + child.name() + ": at most once, found " + count);
            }
        }
    }

    private static void checkValue(String text, DocumentedField field, String path, List<String> problems) {
        String value = text.strip();
        switch (field.kind()) {
            case FLAG -> {
                if (!value.isEmpty()) {
                    problems.add(path + ": a flag holds no value");
                }
            }
            case TEXT -> {
                if (value.isEmpty()) {
                    problems.add(path + ": empty");
                }
            }
            case ENUM -> {
                if (!field.values().contains(value)) {
                    problems.add(path + ": '" + value + "' is not one of " + field.values());
                }
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    problems.add(path + ": must be true or false");
                }
            }
            case INTEGER -> {
                if (!value.matches("-?[0-9]+")) {
                    problems.add(path + ": must be an integer");
                }
            }
            case NUMBER -> {
                if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) {
                    problems.add(path + ": must be a number");
                }
            }
            case EMAIL -> {
                if (!value.matches("[^@\\s]+@[^@\\s]+")) {
                    problems.add(path + ": not an email address");
                }
            }
            case DATE_TIME -> {
                try {
                    OffsetDateTime.parse(value);
                } catch (DateTimeParseException e) {
                    problems.add(path + ": not an ISO 8601 date and time with offset");
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    problems.add(path + ": not an ISO 8601 date");
                }
            }
            case GROUP -> {
            }
        }
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static Schema loadXsd(Path file) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            return factory.newSchema(file.toFile());
        } catch (SAXException e) {
            throw new IllegalArgumentException("ncmec.xsd-file is not a readable XSD: " + e.getMessage(), e);
        }
    }
}
