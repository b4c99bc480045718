package org.groundtruth.store.casefile;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for files from strangers (KML, GPX): no DTDs, so no external entities (XXE) and no entity
 * expansion (billion laughs). A document that declares a DTD fails to parse instead of being half-trusted.
 */
final class SecureXml {
    private SecureXml() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in);
    }

    /**
     * Refuses a document that declares a DOCTYPE, whatever it holds: with DTD support off the JDK parser would
     * otherwise skip a plain DOCTYPE silently. Call on every event (the DOCTYPE comes before the root element).
     */
    static void refuseDoctype(XMLStreamReader xml, String document) {
        if (xml.getEventType() == javax.xml.stream.XMLStreamConstants.DTD) {
            throw new org.groundtruth.core.BadInputException(document + " declares a DOCTYPE (DTD); KML and GPX need"
                    + " none, so it is refused");
        }
    }
}
