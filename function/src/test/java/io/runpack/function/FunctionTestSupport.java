package io.runpack.function;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.restassured.response.Response;
import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.Sha256;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Invoking the function through the mock event server, and seeing what it wrote. */
final class FunctionTestSupport {

  static final JacksonJsonCodec CODEC = new JacksonJsonCodec();
  static final S3Client S3 = LocalAws.s3();
  static final DynamoDbClient DYNAMO_DB = LocalAws.dynamoDb();

  private FunctionTestSupport() {}

  /** Posts an event to the mock Lambda event server, as Lambda would deliver it. */
  static Response invoke(byte[] event) {
    return given().contentType("application/json").body(event).when().post();
  }

  static Response invoke(String event) {
    return invoke(event.getBytes(StandardCharsets.UTF_8));
  }

  /** Posts an event built as a tree, its numbers written as their lexemes ({@code 2.0} stays). */
  static Response invoke(JsonValue event) {
    return invoke(json(event).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code value}'s JSON text, numbers as their lexemes (canonical JSON would write 2.0 as 2). */
  static String json(JsonValue value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(text)) {
      JacksonJsonCodec.write(value, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Imports a run bundle into the function's table; a run already there is left as it is. */
  static void importRun(byte[] bundle) {
    try {
      new DynamoDbRunImporter(DYNAMO_DB, LocalAwsResource.TABLE)
          .importRun(LoadedRun.fromBundle(CODEC.decode(bundle)));
    } catch (RunpackException e) {
      if (e.code() != ErrorCode.CONFLICT) {
        throw e;
      }
    }
  }

  /**
   * Imports a copy of a reference run as run {@code runId} of scenario {@code <scenario>-corrupt},
   * then changes its stored spec behind the importer's back, as corruption or an out-of-band write
   * would: exporting it must fail with a spec hash mismatch.
   */
  static void importRunWithCorruptedSpec(String label, String runId) {
    LoadedRun reference =
        LoadedRun.fromBundle(CODEC.decode(Fixtures.read(Fixtures.runBundle(label))));
    String scenario = reference.state().scenarioId();
    String bundle =
        new String(Fixtures.read(Fixtures.runBundle(label)), StandardCharsets.UTF_8)
            .replace("\"" + scenario + "\"", "\"" + scenario + "-corrupt\"")
            .replace("\"" + reference.state().runId() + "\"", "\"" + runId + "\"");
    LoadedRun copy = LoadedRun.fromBundle(CODEC.decode(bundle.getBytes(StandardCharsets.UTF_8)));
    HashDigest specHash = Sha256.of(CanonicalJson.toBytes(copy.spec()));
    importRun(
        bundle
            .replace(reference.state().specHash().value(), specHash.value())
            .getBytes(StandardCharsets.UTF_8));
    String tampered =
        new String(CanonicalJson.toBytes(copy.spec()), StandardCharsets.UTF_8)
            .replace("\"fail\"", "\"retry\"");
    DYNAMO_DB.putItem(
        r ->
            r.tableName(LocalAwsResource.TABLE)
                .item(
                    Map.of(
                        RunLogTable.PK,
                        AttributeValue.fromS(RunLogTable.scenarioPk(1, 1, scenario + "-corrupt")),
                        RunLogTable.SK,
                        AttributeValue.fromS(RunLogTable.specSk(specHash)),
                        RunLogTable.SPEC,
                        AttributeValue.fromS(tampered))));
  }

  static void importReferenceRuns() {
    Fixtures.LABELS.forEach(label -> importRun(Fixtures.read(Fixtures.runBundle(label))));
  }

  /** Every object of the function's bucket under {@code prefix}, by relative key. */
  static Map<String, byte[]> objects(String prefix) {
    Map<String, byte[]> objects = new TreeMap<>();
    for (S3Object object :
        S3.listObjectsV2Paginator(r -> r.bucket(LocalAwsResource.BUCKET).prefix(prefix))
            .contents()) {
      objects.put(
          object.key().substring(prefix.length()),
          S3.getObjectAsBytes(r -> r.bucket(LocalAwsResource.BUCKET).key(object.key()))
              .asByteArray());
    }
    return objects;
  }

  static int objectCount() {
    return objects("").size();
  }
}
