package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.adapters.dynamodb.DynamoDbRunStore;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.testsupport.LocalAws;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code runpack.dynamodb.load-concurrency} reaches the DynamoDB store: 4 unless set, any value the
 * store accepts when set, and a value outside its limit fails at startup naming the property.
 */
class DynamoDbLoadConcurrencyConfigTest {

  @Test
  void loadConcurrencyIsFourUnlessSet() {
    assertEquals(4, store(Map.of()).loadConcurrency());
  }

  @Test
  void loadConcurrencyComesFromTheProperty() {
    assertEquals(1, store(Map.of("runpack.dynamodb.load-concurrency", "1")).loadConcurrency());
    assertEquals(7, store(Map.of("runpack.dynamodb.load-concurrency", "7")).loadConcurrency());
  }

  @Test
  void loadConcurrencyOutsideTheStoresLimitFailsAtStartup() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> store(Map.of("runpack.dynamodb.load-concurrency", "0")));

    assertEquals(
        "runpack.dynamodb.load-concurrency is invalid: load concurrency must be 1 to 7, not 0",
        e.getMessage());
  }

  private static DynamoDbRunStore store(Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    all.put("runpack.table", "runs");
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(RunpackConfig.class)
            .withSources(new MapBackedConfigSource("test", all) {})
            .build();
    return Wiring.dynamoDbStore(
        config.getConfigMapping(RunpackConfig.class), new JacksonJsonCodec(), LocalAws.dynamoDb());
  }
}
