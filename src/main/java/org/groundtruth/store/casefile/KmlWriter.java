package org.groundtruth.store.casefile;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.groundtruth.core.casefile.ExportedIncident;
import org.groundtruth.core.casefile.HtmlText;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;

/**
 * {@code incidents.kml} for Google Earth: a folder of incident placemarks (styled by status, with a readable
 * description balloon and a {@code TimeStamp} for the time slider) and a folder of camera views drawn as
 * polygons from the camera position towards the target, opening by the field of view.
 */
final class KmlWriter {
    private static final String NS = "http://www.opengis.net/kml/2.2";
    /** Cones shorter than this are invisible at any useful zoom. */
    private static final double MIN_CONE_METERS = 50;
    private static final int ARC_STEPS = 8;

    private KmlWriter() {
    }

    static void write(List<ExportedIncident> rows, String documentName, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("kml");
            xml.writeDefaultNamespace(NS);
            xml.writeStartElement("Document");
            element(xml, "name", documentName);
            for (VerificationStatus status : VerificationStatus.values()) {
                writeStyle(xml, status);
            }
            writeConeStyle(xml);
            xml.writeStartElement("Folder");
            element(xml, "name", "Incidents");
            for (ExportedIncident row : rows) {
                writePlacemark(xml, row);
            }
            xml.writeEndElement();
            List<ExportedIncident> withCamera = new ArrayList<>();
            for (ExportedIncident row : rows) {
                if (row.camera().isPresent() && row.position().isPresent()) {
                    withCamera.add(row);
                }
            }
            if (!withCamera.isEmpty()) {
                xml.writeStartElement("Folder");
                element(xml, "name", "Camera views");
                for (ExportedIncident row : withCamera) {
                    writeCone(xml, row);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write KML: " + e.getMessage(), e);
        }
    }

    private static void writeStyle(XMLStreamWriter xml, VerificationStatus status) throws XMLStreamException {
        xml.writeStartElement("Style");
        xml.writeAttribute("id", "status-" + status.code());
        xml.writeStartElement("IconStyle");
        element(xml, "color", colour(status));
        element(xml, "scale", "1.1");
        xml.writeStartElement("Icon");
        element(xml, "href", "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("LabelStyle");
        element(xml, "scale", "0.8");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void writeConeStyle(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("Style");
        xml.writeAttribute("id", "camera-cone");
        xml.writeStartElement("LineStyle");
        element(xml, "color", "ff00a5ff");
        element(xml, "width", "2");
        xml.writeEndElement();
        xml.writeStartElement("PolyStyle");
        element(xml, "color", "4000a5ff");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** KML colours are aabbggrr: verified green, rejected grey, disputed red, work in progress amber/blue. */
    static String colour(VerificationStatus status) {
        return switch (status) {
            case VERIFIED -> "ff3cb44b";
            case READY_FOR_REVIEW, CORROBORATED -> "ffd8a431";
            case GEOLOCATED -> "ffe6a000";
            case IN_PROGRESS -> "ff00c8ff";
            case UNVERIFIED -> "ffffffff";
            case DISPUTED -> "ff3030e6";
            case REJECTED -> "ff808080";
        };
    }

    private static void writePlacemark(XMLStreamWriter xml, ExportedIncident row) throws XMLStreamException {
        Incident incident = row.incident();
        xml.writeStartElement("Placemark");
        xml.writeAttribute("id", incident.id());
        element(xml, "name", incident.title());
        // The balloon is HTML; the XML writer escapes it once more, so Google Earth renders it and user text
        // (escaped by HtmlText) stays text.
        element(xml, "description", balloon(row));
        if (incident.occurredAt().isPresent()) {
            xml.writeStartElement("TimeStamp");
            element(xml, "when", DateTimeFormatter.ISO_INSTANT.format(incident.occurredAt().get()));
            xml.writeEndElement();
        }
        element(xml, "styleUrl", "#status-" + incident.status().code());
        xml.writeStartElement("ExtendedData");
        data(xml, "id", incident.id());
        data(xml, "status", incident.status().code());
        data(xml, "target_type", incident.targetType().code());
        data(xml, "strike_type", incident.strikeType().code());
        data(xml, "strike_sequence", incident.strikeSequence().code());
        data(xml, "place_name", incident.placeName());
        data(xml, "admin1", incident.admin1());
        incident.occurredAt().ifPresent(t -> {
            try {
                data(xml, "occurred_at", DateTimeFormatter.ISO_INSTANT.format(t));
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        });
        if (row.precisionMeters().isPresent()) {
            data(xml, "precision_m", number(row.precisionMeters().get()));
        }
        xml.writeEndElement();
        if (row.position().isPresent()) {
            xml.writeStartElement("Point");
            element(xml, "coordinates", coordinates(row.position().get()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String balloon(ExportedIncident row) {
        Incident i = row.incident();
        StringBuilder html = new StringBuilder(512);
        html.append("<p>").append(HtmlText.escape(i.description())).append("</p><table>");
        row(html, "Status", i.status().code());
        row(html, "Occurred", i.occurredAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse("unknown")
                + " (" + i.timePrecision().code() + ")");
        row(html, "Place", i.placeName() + (i.admin1().isEmpty() ? "" : ", " + i.admin1()));
        row(html, "Target", i.targetType().code());
        row(html, "Strike", i.strikeType().code() + ", " + i.strikeSequence().code());
        row(html, "Killed / injured", i.casualties().killed() + " / " + i.casualties().injured());
        row.precisionMeters().ifPresent(p -> row(html, "Precision", "± " + number(p) + " m"));
        row(html, "Evidence items", Integer.toString(row.evidenceCount()));
        row(html, "Id", i.id());
        return html.append("</table>").toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th align=\"left\">").append(HtmlText.escape(label)).append("</th><td>")
                .append(HtmlText.escape(value)).append("</td></tr>");
    }

    private static void writeCone(XMLStreamWriter xml, ExportedIncident row) throws XMLStreamException {
        CameraView camera = row.camera().orElseThrow();
        LatLon target = row.position().orElseThrow();
        double range = Math.max(MIN_CONE_METERS, Geodesy.measure(camera.position(), target).distanceMeters());
        xml.writeStartElement("Placemark");
        element(xml, "name", "Camera view: " + row.incident().title());
        element(xml, "styleUrl", "#camera-cone");
        xml.writeStartElement("Polygon");
        xml.writeStartElement("outerBoundaryIs");
        xml.writeStartElement("LinearRing");
        StringBuilder ring = new StringBuilder(coordinates(camera.position()));
        double half = camera.fieldOfViewDegrees() / 2;
        for (int step = 0; step <= ARC_STEPS; step++) {
            double azimuth = camera.bearingDegrees() - half + camera.fieldOfViewDegrees() * step / ARC_STEPS;
            LatLon edge = Geodesy.destination(camera.position(), (azimuth % 360 + 360) % 360, range);
            ring.append(' ').append(coordinates(edge));
        }
        ring.append(' ').append(coordinates(camera.position()));
        element(xml, "coordinates", ring.toString());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String coordinates(LatLon p) {
        return String.format(Locale.ROOT, "%.7f,%.7f", p.lon(), p.lat());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void data(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("Data");
        xml.writeAttribute("name", name);
        element(xml, "value", value);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlChars.clean(text));
        xml.writeEndElement();
    }
}
