package io.runpack.adapters.s3;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.DynamoDbRunStore;
import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The production wiring: runs from DynamoDB, runpacks to S3, as the Lambda function has it. */
final class AwsExport {

  static final ExportSettings DG_SETTINGS =
      new ExportSettings(Optional.of(Fixtures.DG_SECURITY), Optional.empty());

  private AwsExport() {}

  static void importRun(DynamoDbClient dynamoDb, String table, byte[] bundle) {
    new DynamoDbRunImporter(dynamoDb, table)
        .importRun(LoadedRun.fromBundle(LocalRunpack.json(bundle)));
  }

  static ExportResult export(
      DynamoDbClient dynamoDb, String table, S3Client s3, S3Settings settings, String label) {
    try (S3RunpackStorage storage = new S3RunpackStorage(s3, settings)) {
      return new ExportRunpackService(
              new DynamoDbRunStore(dynamoDb, table, LocalRunpack.CODEC),
              storage,
              LocalRunpack.CODEC,
              DG_SETTINGS)
          .export(
              ExportRunpackCommand.fromJson(
                  LocalRunpack.json(Fixtures.read(Fixtures.request(label)))));
    }
  }

  /** Every object under {@code prefix}, by key relative to it, with its bytes. */
  static Map<String, byte[]> objects(S3Client s3, String bucket, String prefix) {
    Map<String, byte[]> objects = new TreeMap<>();
    for (S3Object object :
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
      objects.put(
          object.key().substring(prefix.length()),
          s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asByteArray());
    }
    return objects;
  }
}
