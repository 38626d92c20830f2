package io.runpack.adapters.s3;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.port.out.RunpackReader;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
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

  /** S3's rules for a bucket's name (the general purpose buckets' naming rules). */
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3RunpackReader(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
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
              + ": a bucket name is 3 to 63 lowercase letters, digits, dots and hyphens");
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

  private byte[] readKey(String key, int maxBytes) {
    try (ResponseInputStream<GetObjectResponse> object =
        s3.getObject(r -> r.bucket(bucket).key(key))) {
      Long length = object.response().contentLength();
      if (length != null && length > maxBytes) {
        object.abort();
        throw tooLarge(maxBytes);
      }
      byte[] bytes = object.readNBytes(maxBytes + 1);
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

  private static RunpackException noSuchFile() {
    return new RunpackException(ErrorCode.FILE_NOT_FOUND, "no such file");
  }

  private static RunpackException tooLarge(int maxBytes) {
    return new RunpackException(
        ErrorCode.LIMIT_EXCEEDED, "larger than the limit of " + maxBytes + " bytes");
  }
}
