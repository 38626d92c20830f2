package io.runpack.function;

import io.runpack.adapters.dynamodb.DynamoDbRunStore;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The function's configuration ({@code runpack.*} in application.properties, or the matching
 * environment variables, e.g. {@code RUNPACK_BUCKET}). Profiles: dev = filesystem store over
 * examples/ and filesystem output; test = the local AWS stack; prod = DynamoDB and S3.
 */
@ConfigMapping(prefix = "runpack")
public interface RunpackConfig {

  /** Where runs are read from. */
  enum Store {
    dynamodb,
    filesystem
  }

  /** Where runpacks are written. */
  enum Sink {
    s3,
    filesystem
  }

  @WithDefault("dynamodb")
  Store store();

  @WithDefault("s3")
  Sink sink();

  /** The DynamoDB run-log table (store = dynamodb). */
  Optional<String> table();

  /** The runpack bucket (sink = s3). */
  Optional<String> bucket();

  /** A key prefix before every runpack's own (sink = s3). */
  @WithName("root-prefix")
  Optional<String> rootPrefix();

  /** Conditional writes: identical re-exports succeed, other bytes under a key are a conflict. */
  @WithName("write-once")
  @WithDefault("false")
  boolean writeOnce();

  Filesystem filesystem();

  Dynamodb dynamodb();

  Security security();

  Signing signing();

  /** The anchor policy recorded in manifests, as JSON (see the README); none when absent. */
  @WithName("anchor-policy")
  Optional<String> anchorPolicy();

  Api api();

  Limits limits();

  Priming priming();

  /** The filesystem store and sink. */
  interface Filesystem {
    /** Run bundles at {@code <runs-dir>/<tenant>/<namespace>/<run>.json} (store = filesystem). */
    @WithName("runs-dir")
    Optional<Path> runsDir();

    /**
     * Runpacks go to {@code <output-base>/tenant/<t>/namespace/<n>/<output_dir>} (sink =
     * filesystem), {@code output_dir} being a plain relative path.
     */
    @WithName("output-base")
    @WithDefault("/tmp")
    Path outputBase();
  }

  /** The DynamoDB store (store = dynamodb). */
  interface Dynamodb {
    /**
     * Ranges of a run's partition read at the same time, on threads of the load's own (1 to {@link
     * DynamoDbRunStore#MAX_LOAD_CONCURRENCY}; 1: page after page, as one Query).
     */
    @WithName("load-concurrency")
    @WithDefault("" + DynamoDbRunStore.DEFAULT_LOAD_CONCURRENCY)
    int loadConcurrency();
  }

  /** The security context recorded in manifests. */
  interface Security {
    /** The namespace authority label; without it the manifest has no security context. */
    @WithName("namespace-authority")
    Optional<String> namespaceAuthority();

    @WithName("dev-permissive")
    @WithDefault("false")
    boolean devPermissive();
  }

  /** Manifest signing: with a KMS key, every manifest gets its detached signature. */
  interface Signing {
    /**
     * The asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY; id, ARN or alias) that signs every
     * manifest ({@code <manifest_name>.sig}, written before the manifest); none: unsigned.
     */
    @WithName("kms-key-id")
    Optional<String> kmsKeyId();

    /** The KMS endpoint, overriding the SDK's (the local stack, a VPC endpoint). */
    @WithName("kms-endpoint")
    Optional<java.net.URI> kmsEndpoint();
  }

  /** Callers through API Gateway. */
  interface Api {
    /**
     * The authorizer claim (or Lambda-authorizer context key) that holds the caller's tenant id,
     * read from the one source the event's shape names ({@link AuthorizerClaims}).
     */
    @WithName("tenant-claim")
    @WithDefault("tenant_id")
    String tenantClaim();

    /**
     * Accept API requests without a tenant claim (only behind an authorizer that checks tenants
     * itself). A claim that is present but malformed is refused all the same.
     */
    @WithName("trust-missing-tenant")
    @WithDefault("false")
    boolean trustMissingTenant();
  }

  /** What the function reads before the shared request parser applies Runpack's limits. */
  interface Limits {
    /**
     * Largest event (direct or API Gateway), in bytes: Lambda's own synchronous payload limit, so
     * that an API caller's oversized body still gets its 413 from the request limit ({@code
     * Limits.MAX_REQUEST_BYTES}, the same for every front end).
     */
    @WithName("max-event-bytes")
    @WithDefault("6291456")
    int maxEventBytes();
  }

  /** SnapStart priming ({@link SnapStartPriming}). */
  interface Priming {
    /** Prime the export path before a SnapStart snapshot. */
    @WithDefault("true")
    boolean enabled();

    /** How many in-memory exports priming runs (the first loads classes, the rest warm the JIT). */
    @WithDefault("3")
    int exports();

    /** Prime at startup instead of before the snapshot (a JVM without SnapStart, measurements). */
    @WithName("at-startup")
    @WithDefault("false")
    boolean atStartup();

    /**
     * Also build the function's AWS clients while priming (no request is sent, so no credential is
     * resolved: the SDK's default chain resolves them on the first request after a restore).
     */
    @WithDefault("true")
    boolean clients();

    /**
     * Also send one export's requests through the function's store and sink adapters to a loopback
     * stub, with throwaway clients and fake credentials ({@link PrimingRequests}): the SDK's first
     * requests are made before the snapshot, none reaches AWS or resolves a credential.
     */
    @WithDefault("true")
    boolean requests();
  }
}
