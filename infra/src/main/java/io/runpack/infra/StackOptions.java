package io.runpack.infra;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The structural choices of a deployment, read from the CDK context ({@code -c key=value} or
 * cdk.json): S3 Object Lock (compliance mode), write-once, SSE-KMS with a customer key instead of
 * SSE-S3, the function's memory, timeout and log retention (see {@link #auditLogRetention}), the
 * e-mail address the alarms' topic notifies (none by default: subscribe to the topic {@code
 * AlarmTopicArn} yourself), and the function's reserved concurrency ({@code
 * runpack:reservedConcurrency}; 0, the default, reserves none: the function shares the account's
 * unreserved pool. Set, it both guarantees the function that many concurrent exports and caps it
 * there, the rest throttled, which the throttles alarm reports; Lambda refuses a value that leaves
 * the account less than 100 unreserved).
 *
 * <p>Write-once (conditional PUTs, {@code If-None-Match: *}; no Object Lock needed) is on unless
 * {@code runpack:writeOnce=false}: without it any API caller of a tenant can re-export one of its
 * runs with another {@code generated_at} and replace the stored runpack in place, signed by the
 * deployment's own key. Turning it off is unsafe for audit evidence; Object Lock implies it (the
 * two together are refused).
 *
 * <p>Memory and timeout, from a measured export of the largest run the 16 MiB artifact limit allows
 * (six logs of 15.5 MiB each: a 97 MB run bundle, a 93 MB runpack): it completes in 2.5 s on 2
 * cores with a 384 MB heap (256 MB is too little). 2048 MB leaves the heap room to spare and buys
 * Lambda more than one vCPU; the 120 s timeout is some 40 times the measured export, so that a slow
 * S3 upload of 93 MB still fits.
 */
public record StackOptions(
    boolean objectLock,
    int objectLockDays,
    boolean writeOnce,
    boolean kms,
    int memoryMb,
    int timeoutSeconds,
    int logRetentionDays,
    String rootPrefix,
    String alarmEmail,
    int reservedConcurrency) {

  /** The retention periods CloudWatch Logs offers, in days (before DEFAULTS, which checks one). */
  private static final NavigableMap<Integer, RetentionDays> RETENTIONS =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(1, RetentionDays.ONE_DAY),
              Map.entry(3, RetentionDays.THREE_DAYS),
              Map.entry(5, RetentionDays.FIVE_DAYS),
              Map.entry(7, RetentionDays.ONE_WEEK),
              Map.entry(14, RetentionDays.TWO_WEEKS),
              Map.entry(30, RetentionDays.ONE_MONTH),
              Map.entry(60, RetentionDays.TWO_MONTHS),
              Map.entry(90, RetentionDays.THREE_MONTHS),
              Map.entry(120, RetentionDays.FOUR_MONTHS),
              Map.entry(150, RetentionDays.FIVE_MONTHS),
              Map.entry(180, RetentionDays.SIX_MONTHS),
              Map.entry(365, RetentionDays.ONE_YEAR),
              Map.entry(400, RetentionDays.THIRTEEN_MONTHS),
              Map.entry(545, RetentionDays.EIGHTEEN_MONTHS),
              Map.entry(731, RetentionDays.TWO_YEARS),
              Map.entry(1096, RetentionDays.THREE_YEARS),
              Map.entry(1827, RetentionDays.FIVE_YEARS),
              Map.entry(2192, RetentionDays.SIX_YEARS),
              Map.entry(2557, RetentionDays.SEVEN_YEARS),
              Map.entry(2922, RetentionDays.EIGHT_YEARS),
              Map.entry(3288, RetentionDays.NINE_YEARS),
              Map.entry(3653, RetentionDays.TEN_YEARS)));

  public static final StackOptions DEFAULTS =
      new StackOptions(false, 365, true, false, 2048, 120, 90, "runpacks", "", 0);

  public StackOptions {
    if (!rootPrefix.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")
        || rootPrefix.matches("(.*/)?\\.{1,2}(/.*)?")) {
      throw new IllegalArgumentException(
          "runpack:rootPrefix must be key segments like runpacks or audit/runpacks");
    }
    if (!alarmEmail.isEmpty() && !alarmEmail.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("runpack:alarmEmail must be an e-mail address");
    }
    if (reservedConcurrency < 0) {
      throw new IllegalArgumentException(
          "runpack:reservedConcurrency must be at least 1 (0, the default: none reserved)");
    }
    if (!RETENTIONS.containsKey(logRetentionDays)) {
      throw new IllegalArgumentException(
          "runpack:logRetentionDays must be one of " + RETENTIONS.keySet());
    }
    if (objectLock && !writeOnce) {
      throw new IllegalArgumentException(
          "runpack:writeOnce=false contradicts runpack:objectLock=true: Object Lock writes once");
    }
    if (objectLockDays < 1) {
      throw new IllegalArgumentException("runpack:objectLockDays must be at least 1");
    }
    if (memoryMb < 512 || memoryMb > 10240) {
      throw new IllegalArgumentException("runpack:memoryMb must be 512 to 10240");
    }
    if (timeoutSeconds < 10 || timeoutSeconds > 900) {
      throw new IllegalArgumentException("runpack:timeoutSeconds must be 10 to 900");
    }
  }

  public StackOptions withObjectLock(int days) {
    return new StackOptions(
        true,
        days,
        true,
        kms,
        memoryMb,
        timeoutSeconds,
        logRetentionDays,
        rootPrefix,
        alarmEmail,
        reservedConcurrency);
  }

  /** The function may run at most {@code executions} at once, and always that many. */
  public StackOptions withReservedConcurrency(int executions) {
    return new StackOptions(
        objectLock,
        objectLockDays,
        writeOnce,
        kms,
        memoryMb,
        timeoutSeconds,
        logRetentionDays,
        rootPrefix,
        alarmEmail,
        executions);
  }

  /** Alarms notify {@code email} too (through the alarms' topic). */
  public StackOptions withAlarmEmail(String email) {
    return new StackOptions(
        objectLock,
        objectLockDays,
        writeOnce,
        kms,
        memoryMb,
        timeoutSeconds,
        logRetentionDays,
        rootPrefix,
        email,
        reservedConcurrency);
  }

  /** Overwriting storage: unsafe for audit evidence (see the class comment). */
  public StackOptions withoutWriteOnce() {
    return new StackOptions(
        objectLock,
        objectLockDays,
        false,
        kms,
        memoryMb,
        timeoutSeconds,
        logRetentionDays,
        rootPrefix,
        alarmEmail,
        reservedConcurrency);
  }

  public StackOptions withKms() {
    return new StackOptions(
        objectLock,
        objectLockDays,
        writeOnce,
        true,
        memoryMb,
        timeoutSeconds,
        logRetentionDays,
        rootPrefix,
        alarmEmail,
        reservedConcurrency);
  }

  /**
   * How long the audit records (the function's log group, one audit record per invocation) and the
   * API's access logs are kept: {@code runpack:logRetentionDays}, and never less than the runpacks
   * are kept ({@code runpack:objectLockDays}, Object Lock's retention when it is on): the shortest
   * period CloudWatch Logs offers that covers both, or forever beyond ten years.
   */
  public RetentionDays auditLogRetention() {
    Map.Entry<Integer, RetentionDays> covering =
        RETENTIONS.ceilingEntry(Math.max(logRetentionDays, objectLockDays));
    return covering == null ? RetentionDays.INFINITE : covering.getValue();
  }

  /**
   * The options from the context keys {@code runpack:objectLock}, {@code runpack:objectLockDays},
   * {@code runpack:writeOnce}, {@code runpack:kms}, ...
   */
  public static StackOptions fromContext(Construct scope) {
    return new StackOptions(
        bool(scope, "runpack:objectLock", DEFAULTS.objectLock()),
        number(scope, "runpack:objectLockDays", DEFAULTS.objectLockDays()),
        bool(scope, "runpack:writeOnce", DEFAULTS.writeOnce()),
        bool(scope, "runpack:kms", DEFAULTS.kms()),
        number(scope, "runpack:memoryMb", DEFAULTS.memoryMb()),
        number(scope, "runpack:timeoutSeconds", DEFAULTS.timeoutSeconds()),
        number(scope, "runpack:logRetentionDays", DEFAULTS.logRetentionDays()),
        text(scope, "runpack:rootPrefix", DEFAULTS.rootPrefix()),
        text(scope, "runpack:alarmEmail", DEFAULTS.alarmEmail()),
        number(scope, "runpack:reservedConcurrency", DEFAULTS.reservedConcurrency()));
  }

  private static boolean bool(Construct scope, String key, boolean fallback) {
    Object value = scope.getNode().tryGetContext(key);
    return value == null ? fallback : Boolean.parseBoolean(value.toString());
  }

  private static String text(Construct scope, String key, String fallback) {
    Object value = scope.getNode().tryGetContext(key);
    return value == null ? fallback : value.toString();
  }

  private static int number(Construct scope, String key, int fallback) {
    Object value = scope.getNode().tryGetContext(key);
    return value == null ? fallback : Integer.parseInt(value.toString());
  }
}
