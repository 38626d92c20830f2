package io.runpack.adapters.dynamodb;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.Limits;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonCanonical;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the attributes of the run-log table's items; a missing attribute or text that is not valid
 * JSON is corrupt data naming the table and the key. Stateless: safe on any thread (a record's
 * canonicalizer is its caller's).
 */
final class RunItemReader {

  private final String table;
  private final JacksonJsonCodec codec;

  RunItemReader(String table, JacksonJsonCodec codec) {
    this.table = table;
    this.codec = codec;
  }

  String table() {
    return table;
  }

  /**
   * A log record, canonicalized as it is read (the export only writes records, it never reads
   * them): no tree is built, and a record the importer stored canonical is copied as it is. The
   * caller's {@code canonicalizer} is the working memory, reused from one record to the next.
   */
  JsonCanonical record(
      Map<String, AttributeValue> item, String pk, String sk, Canonicalizer canonicalizer) {
    return (JsonCanonical)
        json(
            item,
            RunLogTable.RECORD,
            pk,
            sk,
            utf8 -> RunpackJson.canonicalValue(canonicalizer, utf8, Limits.MAX_ARTIFACT_BYTES));
  }

  JsonValue json(Map<String, AttributeValue> item, String attribute, String pk, String sk) {
    return json(item, attribute, pk, sk, codec::decode);
  }

  /**
   * A string attribute read as JSON by {@code read}; text that is not valid JSON is corrupt data.
   */
  private JsonValue json(
      Map<String, AttributeValue> item,
      String attribute,
      String pk,
      String sk,
      Function<byte[], JsonValue> read) {
    String text = string(item, attribute, pk, sk);
    try {
      return read.apply(text.getBytes(StandardCharsets.UTF_8));
    } catch (RunpackException e) {
      throw DynamoDbFailures.corrupt(
          table, pk, sk, attribute + " is not valid JSON: " + e.getMessage());
    }
  }

  String string(Map<String, AttributeValue> item, String attribute, String pk, String sk) {
    AttributeValue value = item.get(attribute);
    if (value == null) {
      throw DynamoDbFailures.corrupt(table, pk, sk, "string attribute " + attribute + " missing");
    }
    if (value.s() == null) {
      throw DynamoDbFailures.corrupt(
          table,
          pk,
          sk,
          "attribute " + attribute + " is of type " + value.type() + ", not a string (S)");
    }
    return value.s();
  }
}
