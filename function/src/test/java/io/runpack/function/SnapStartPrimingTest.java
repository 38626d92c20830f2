package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.SdkClient;

/**
 * SnapStart priming, run at startup here (runpack.priming.at-startup) as it runs before a snapshot
 * on AWS: it completes its exports in memory, builds the store's and sink's AWS clients without
 * sending them a single request (so no credential is resolved before a snapshot), sends one
 * export's requests (Query, GetItem, PutObject) to its loopback stub through throwaway clients and
 * leaves no socket or thread of it behind, and the real handler exports through DynamoDB and S3
 * afterwards with the function's clients.
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
  @Order(1)
  void primingSentEveryKindOfTheExportsRequestsToItsStubAndNoneThroughTheRealClients() {
    assertEquals(
        Map.of(PrimingStub.QUERY, 1, PrimingStub.GET_ITEM, 1, PrimingStub.PUT_OBJECT, 9),
        priming.sent().answered(),
        "one Query page, the spec's GetItem, eight artifacts and the manifest");
    assertEquals(0, CountingInterceptor.REQUESTS.get(), "requests the real clients sent");
  }

  @Test
  @Order(1)
  void primingLeavesNoStubSocketOrThreadBehind() throws Exception {
    URI stub = priming.sent().stub().orElseThrow();

    assertEquals(List.of(), PrimingLeftovers.openSockets(stub.getPort()));
    assertThrows(ConnectException.class, () -> new Socket(stub.getHost(), stub.getPort()).close());
    assertEquals(List.of(), PrimingLeftovers.stubThreads());
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
  void primingAgainGivesTheSameVerifiedExportAndStartsNoThreadThatStays() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    int requests = CountingInterceptor.REQUESTS.get();

    priming.prime();

    assertEquals(4, priming.completed());
    assertEquals(9, priming.sent().answered().get(PrimingStub.PUT_OBJECT));
    assertEquals(requests, CountingInterceptor.REQUESTS.get(), "requests the real clients sent");
    assertEquals(List.of(), PrimingLeftovers.threadsStartedSince(before));
    assertEquals(
        List.of(), PrimingLeftovers.openSockets(priming.sent().stub().orElseThrow().getPort()));
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
