package io.vigil.compliance.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.TransparencyStatement;
import org.apache.avro.Schema;

import java.util.List;

/**
 * A statement as the Transparency Database's API takes it: the contract's fields carry the API's own names, so the
 * body is the record itself, without the fields that are empty (the API reads an absent field and an empty one alike,
 * and an absent one cannot trip an exclude rule).
 */
public final class StatementJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private StatementJson() {
    }

    public static ObjectNode toJson(TransparencyStatement statement) {
        ObjectNode json = MAPPER.createObjectNode();
        for (Schema.Field field : TransparencyStatement.getClassSchema().getFields()) {
            Object value = statement.get(field.pos());
            if (value instanceof List<?> list) {
                if (!list.isEmpty()) {
                    ArrayNode array = json.putArray(field.name());
                    list.forEach(item -> array.add(item.toString()));
                }
            } else if (value != null && !value.toString().isEmpty()) {
                json.put(field.name(), value.toString());
            }
        }
        return json;
    }

    /** The statement read back from the API's JSON (as the export and the tests use it). */
    public static TransparencyStatement fromJson(JsonNode json) {
        TransparencyStatement statement = new TransparencyStatement();
        for (Schema.Field field : TransparencyStatement.getClassSchema().getFields()) {
            JsonNode node = json.get(field.name());
            boolean list = field.schema().getType() == Schema.Type.ARRAY;
            if (node == null || node.isNull()) {
                statement.put(field.pos(), list ? new java.util.ArrayList<String>() : (field.schema().isNullable() ? null : ""));
            } else if (list) {
                List<String> values = new java.util.ArrayList<>();
                node.forEach(item -> values.add(item.asText()));
                statement.put(field.pos(), values);
            } else {
                statement.put(field.pos(), node.asText());
            }
        }
        return statement;
    }
}
