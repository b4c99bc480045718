package org.groundtruth.store.casefile;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.groundtruth.core.casefile.ExportedIncident;
import org.groundtruth.core.casefile.InterchangeFields;

/**
 * {@code incidents.geojson}: an RFC 7946 FeatureCollection, one Feature per incident with its id, a Point at
 * the incident's position ([lon, lat], WGS84) or a null geometry when it has none, and snake_case properties.
 */
final class GeoJsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private GeoJsonWriter() {
    }

    static void write(Iterable<ExportedIncident> rows, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeArrayFieldStart("features");
            for (ExportedIncident row : rows) {
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                json.writeStringField("id", row.incident().id());
                json.writeFieldName("geometry");
                if (row.position().isPresent()) {
                    json.writeStartObject();
                    json.writeStringField("type", "Point");
                    json.writeArrayFieldStart("coordinates");
                    json.writeNumber(row.position().get().lon());
                    json.writeNumber(row.position().get().lat());
                    json.writeEndArray();
                    json.writeEndObject();
                } else {
                    json.writeNull();
                }
                json.writeObjectFieldStart("properties");
                for (Map.Entry<String, Object> field : InterchangeFields.properties(row).entrySet()) {
                    writeValue(json, field.getKey(), field.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeValue(JsonGenerator json, String name, Object value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                json.writeString(String.valueOf(item));
            }
            json.writeEndArray();
        } else {
            json.writeString(String.valueOf(value));
        }
    }
}
