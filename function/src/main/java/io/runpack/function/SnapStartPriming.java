package io.runpack.function;

import io.quarkus.runtime.Startup;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.request.ExportRequestParser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialized function (CRaC's {@code
 * beforeCheckpoint}), runs {@code runpack.priming.exports} complete {@link PrimingExport}s, so the
 * export path's classes are loaded, initialized and compiled in the snapshot rather than on the
 * first invocation after a restore. With {@code runpack.priming.at-startup} it runs them at startup
 * instead (a JVM without snapshots: measurements, see docs/BENCHMARKS.md §3).
 *
 * <p>With {@code runpack.priming.clients} it then builds the store's and sink's AWS clients
 * (region, endpoint rules, service metadata: most of what a first invocation paid), sending them no
 * request.
 *
 * <p>With {@code runpack.priming.requests} it then sends one more export through the function's
 * DynamoDB store and S3 sink adapters to a loopback stub ({@link PrimingRequests}): the SDK's first
 * Query, GetItem and PutObject requests, made by throwaway clients with fake credentials.
 *
 * <p>Nothing in the snapshot goes stale: the in-memory exports use no AWS client; the function's
 * clients are built but never called, and the SDK's default credential chain resolves credentials
 * on a client's first request, after the restore; the stub's requests carry fake credentials, and
 * the stub, its connections and threads and the throwaway clients are gone before priming returns.
 * A failed in-memory priming export fails the checkpoint, so a build that cannot export its own
 * example run is not published; a failure of the stub's requests is logged (a warning, no stack
 * trace) and the snapshot is taken without them: they only warm the SDK, the function does not
 * depend on them.
 */
@Startup
@Singleton
public class SnapStartPriming implements Resource {

  private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

  private final RunpackConfig.Priming config;
  private final RunpackConfig function;
  private final PrimingExport export;
  private final Instance<S3Client> s3;
  private final Instance<DynamoDbClient> dynamoDb;
  private final PrimingRequests requests;
  private int completed;
  private PrimingRequests.Sent sent = PrimingRequests.Sent.NOTHING;

  public SnapStartPriming(
      RunpackConfig config,
      JacksonJsonCodec codec,
      ExportRequestParser parser,
      Instance<S3Client> s3,
      Instance<DynamoDbClient> dynamoDb) {
    this.config = config.priming();
    this.function = config;
    this.s3 = s3;
    this.dynamoDb = dynamoDb;
    if (this.config.exports() < 1) {
      throw new IllegalStateException("runpack.priming.exports must be at least 1");
    }
    this.export = new PrimingExport(codec, parser, Wiring.settings(config, codec));
    this.requests = new PrimingRequests(config, codec, parser, s3, dynamoDb);
  }

  @PostConstruct
  void start() {
    if (!config.enabled()) {
      return;
    }
    if (config.atStartup()) {
      prime();
    } else {
      Core.getGlobalContext().register(this); // held strongly: this bean is a singleton
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing was captured that a restore must renew
  }

  /**
   * Builds the clients the function's store and sink use (region, endpoint rules, the SDK's service
   * metadata): a local call on each, never a request, so no credential is resolved.
   */
  private void buildClients() {
    if (function.store() == RunpackConfig.Store.dynamodb) {
      dynamoDb.get().serviceClientConfiguration();
    }
    if (function.sink() == RunpackConfig.Sink.s3) {
      s3.get().serviceClientConfiguration();
    }
  }

  /** How many priming exports this instance has completed. */
  synchronized int completed() {
    return completed;
  }

  /**
   * The requests the last priming sent to its stub ({@link PrimingRequests.Sent#NOTHING}: none).
   */
  synchronized PrimingRequests.Sent sent() {
    return sent;
  }

  synchronized void prime() {
    long start = System.nanoTime();
    for (int i = 0; i < config.exports(); i++) {
      export.run();
      completed++;
    }
    if (config.clients()) {
      buildClients();
    }
    if (config.requests() && requests.applies()) {
      sendRequests();
    }
    LOG.info(
        "primed the export path: "
            + config.exports()
            + " exports, requests "
            + sent.answered()
            + ", in "
            + (System.nanoTime() - start) / 1_000_000
            + " ms");
  }

  /** The stub's export; its failure costs the snapshot some warmth, never the function. */
  private void sendRequests() {
    try {
      sent = requests.run();
    } catch (RuntimeException | LinkageError e) { // LinkageError: a JDK without jdk.httpserver
      sent = PrimingRequests.Sent.NOTHING;
      LOG.warn("priming sent no requests, the snapshot is taken without them: " + e);
    }
  }
}
