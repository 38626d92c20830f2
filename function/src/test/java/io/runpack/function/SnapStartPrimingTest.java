package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.runpack.testsupport.Fixtures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.SdkClient;

/**
 * SnapStart priming, run at startup here (runpack.priming.at-startup) as it runs before a snapshot
 * on AWS: it completes its exports in memory, builds the store's and sink's AWS clients without
 * sending them a single request (so no credential is resolved before a snapshot), and the real
 * handler exports through DynamoDB and S3 afterwards with those clients.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
@TestProfile(SnapStartPrimingTest.PrimedAtStartup.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapStartPrimingTest {

  /** Two priming exports at startup. */
  public static class PrimedAtStartup implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "runpack.priming.at-startup",
          "true",
          "runpack.priming.exports",
          "2",
          "quarkus.dynamodb.interceptors",
          CountingInterceptor.class.getName(),
          "quarkus.s3.interceptors",
          CountingInterceptor.class.getName());
    }
  }

  @Inject SnapStartPriming priming;

  @BeforeAll
  static void importRuns() {
    FunctionTestSupport.importReferenceRuns();
  }

  @Test
  @Order(1)
  void primingCompletedItsExportsAndBuiltTheClientsWithoutARequest() {
    assertEquals(2, priming.completed());
    assertEquals(2, awsClients().size(), "the store's and sink's clients: " + awsClients());
    assertEquals(0, CountingInterceptor.REQUESTS.get(), "requests sent while priming");
  }

  @Test
  @Order(2)
  void theHandlerExportsThroughDynamoDbAndS3AfterPriming() {
    Response response =
        FunctionTestSupport.invoke(Fixtures.read(Fixtures.request(Fixtures.LABELS.get(0))));

    assertEquals(200, response.statusCode(), response.asString());
    assertTrue(
        response.asString().contains("\"storage_uri\":\"s3://" + LocalAwsResource.BUCKET + "/"),
        response.asString());
    assertEquals(2, priming.completed(), "priming runs once, not per invocation");
    assertEquals(2, awsClients().size(), "the primed clients, no others: " + awsClients());
    assertTrue(CountingInterceptor.REQUESTS.get() > 0, "the export's requests went through them");
  }

  @Test
  @Order(3)
  void primingAgainGivesTheSameVerifiedExport() {
    priming.prime();

    assertEquals(4, priming.completed());
  }

  /** The AWS SDK clients the application's singleton and application contexts hold. */
  private static List<String> awsClients() {
    return List.of(Singleton.class, ApplicationScoped.class).stream()
        .map(scope -> Arc.container().getActiveContext(scope))
        .map(InjectableContext::getState)
        .flatMap(state -> state.getContextualInstances().values().stream())
        .filter(instance -> instance instanceof SdkClient)
        .map(instance -> instance.getClass().getName())
        .toList();
  }
}
