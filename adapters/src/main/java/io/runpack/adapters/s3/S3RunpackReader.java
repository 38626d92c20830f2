package io.runpack.adapters.s3;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.port.out.RunpackReader;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Checksum;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;

/**
 * Reads a runpack stored in S3, for verification in place. Paths from the manifest are untrusted:
 * each must be a safe runpack path, joined to the runpack's prefix.
 *
 * <p>Guarantees: an object is never read past the limit (refused from its Content-Length, and cut
 * off while streaming); {@link #sha256} answers from the SHA-256 checksum S3 stored and checked
 * when the object was written (GetObjectAttributes), downloading the object only when it has none.
 */
public final class S3RunpackReader implements RunpackReader {

  private static final String SCHEME = "s3://";

  /**
   * A bucket's name as S3 serves it: today's rules (3 to 63 lowercase letters, digits, dots and
   * hyphens) and the older ones of us-east-1's legacy buckets (capitals and underscores, up to
   * 255).
   */
  private static final Pattern BUCKET_NAME = Pattern.compile("[A-Za-z0-9._-]{3,255}");

  /**
   * Requests one reader makes to S3, that is, in one verification: a runpack's own files take one
   * or two each (a dozen files), but a manifest of 16 MiB can list 150,000, each a request.
   */
  static final int MAX_REQUESTS = 1_024;

  /**
   * Bytes one reader downloads: a runpack of seven full artifacts, its verifier report and its
   * manifest is under 160 MiB; objects written without a checksum are downloaded to be hashed, up
   * to 16 MiB each, which a hostile manifest could ask thousands of times.
   */
  static final long MAX_BYTES_DOWNLOADED = 256L << 20;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final int maxRequests;
  private final long maxBytesDownloaded;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong downloaded = new AtomicLong();

  public S3RunpackReader(S3Client s3, String bucket, String prefix) {
    this(s3, bucket, prefix, MAX_REQUESTS, MAX_BYTES_DOWNLOADED);
  }

  /** A reader with other limits than {@link #MAX_REQUESTS} and {@link #MAX_BYTES_DOWNLOADED}. */
  S3RunpackReader(
      S3Client s3, String bucket, String prefix, int maxRequests, long maxBytesDownloaded) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.maxRequests = maxRequests;
    this.maxBytesDownloaded = maxBytesDownloaded;
  }

  /** The run this runpack's prefix names ({@link RunpackKeys#runNamedBy}), if it names one. */
  public Optional<RunpackTarget> runNamedByPrefix() {
    return RunpackKeys.runNamedBy(prefix);
  }

  /**
   * A reader of the runpack at {@code s3://bucket/prefix/}; the trailing slash may be omitted. The
   * prefix is taken literally, as an export's {@code storage_uri} writes it and as the AWS CLI
   * reads {@code s3://} locations: {@code %}, {@code ?}, {@code #} and spaces are key characters,
   * not URI syntax, so a run id such as {@code release%2D1} is read under its own key, never under
   * the key it would decode to ({@code release-1}: another run's runpack).
   */
  public static S3RunpackReader at(S3Client s3, String uri) {
    if (!uri.startsWith(SCHEME)) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST, "not an S3 URI (s3://BUCKET/PREFIX/): " + uri);
    }
    String location = uri.substring(SCHEME.length());
    int slash = location.indexOf('/');
    String bucket = slash < 0 ? location : location.substring(0, slash);
    if (!BUCKET_NAME.matcher(bucket).matches()) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "not an S3 URI (s3://BUCKET/PREFIX/): "
              + uri
              + ": a bucket name is 3 to 255 letters, digits, dots, hyphens and underscores");
    }
    String prefix = slash < 0 ? "" : location.substring(slash + 1);
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    String problem =
        prefix.isEmpty() ? null : RunpackPath.problemWith(prefix.substring(0, prefix.length() - 1));
    if (problem != null) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST, "invalid S3 prefix in " + uri + ": " + problem);
    }
    return new S3RunpackReader(s3, bucket, prefix);
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    return readKey(keyOf(path), maxBytes);
  }

  @Override
  public HashDigest sha256(String path, int maxBytes) {
    return sha256OfKey(keyOf(path), maxBytes);
  }

  HashDigest sha256OfKey(String key, int maxBytes) {
    request();
    GetObjectAttributesResponse attributes;
    try {
      attributes =
          s3.getObjectAttributes(
              r ->
                  r.bucket(bucket)
                      .key(key)
                      .objectAttributes(ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_SIZE));
    } catch (NoSuchKeyException e) {
      throw noSuchFile();
    } catch (SdkException e) {
      if (S3Failures.isStatus(e, 404)) {
        throw noSuchFile();
      }
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR, "S3 GetObjectAttributes failed: " + S3Failures.describe(e), e);
    }
    if (attributes.objectSize() != null && attributes.objectSize() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    Checksum checksum = attributes.checksum();
    boolean fullObjectSha256 =
        checksum != null
            && checksum.checksumSHA256() != null
            && checksum.checksumType() != ChecksumType.COMPOSITE
            && !checksum.checksumSHA256().contains("-");
    if (fullObjectSha256) {
      return HashDigest.sha256(
          HexFormat.of().formatHex(Base64.getDecoder().decode(checksum.checksumSHA256())));
    }
    return Sha256.of(readKey(key, maxBytes)); // written without a SHA-256 checksum: hash the bytes
  }

  byte[] readKey(String key, int maxBytes) {
    if (downloaded.get() > maxBytesDownloaded) {
      throw overBytes();
    }
    request();
    try (ResponseInputStream<GetObjectResponse> object =
        s3.getObject(r -> r.bucket(bucket).key(key))) {
      Long length = object.response().contentLength();
      if (length != null && length > maxBytes) {
        object.abort();
        throw tooLarge(maxBytes);
      }
      byte[] bytes = object.readNBytes(maxBytes + 1);
      if (downloaded.addAndGet(bytes.length) > maxBytesDownloaded) {
        object.abort();
        throw overBytes();
      }
      if (bytes.length > maxBytes) {
        object.abort();
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (NoSuchKeyException e) {
      throw noSuchFile();
    } catch (SdkException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR, "S3 GetObject failed: " + S3Failures.describe(e), e);
    } catch (IOException e) {
      throw new RunpackException(ErrorCode.STORAGE_ERROR, "S3 read failed: " + e.getMessage(), e);
    }
  }

  private String keyOf(String path) {
    String problem = RunpackPath.problemWith(path);
    if (problem != null) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, "unsafe path: " + problem);
    }
    return RunpackKeys.key(prefix, RunpackPath.of(path));
  }

  /** Counts a request; past {@link #MAX_REQUESTS}, it is not made. */
  private void request() {
    if (requests.incrementAndGet() > maxRequests) {
      requests.set(maxRequests + 1); // no count wraps, however many files are listed
      throw overBudget(
          "this verification already made "
              + maxRequests
              + " requests to S3, its limit (a runpack's files take one or two each)");
    }
  }

  private RunpackException overBytes() {
    return overBudget(
        "this verification downloaded more than "
            + maxBytesDownloaded
            + " bytes from S3, its limit (a whole runpack is less than 160 MiB)");
  }

  private static RunpackException overBudget(String why) {
    return new RunpackException(ErrorCode.LIMIT_EXCEEDED, "not read: " + why);
  }

  private static RunpackException noSuchFile() {
    return new RunpackException(ErrorCode.FILE_NOT_FOUND, "no such file");
  }

  private static RunpackException tooLarge(int maxBytes) {
    return new RunpackException(
        ErrorCode.LIMIT_EXCEEDED, "larger than the limit of " + maxBytes + " bytes");
  }
}
