package io.runpack.domain.verify;

import static io.runpack.domain.verify.Verifications.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.Hashes;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.service.InMemoryRunpack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The in-memory runpack keeps the {@code RunpackReader} contract of stored runpacks: unsafe paths,
 * missing files and files over the limit are refused with their codes and short reasons; files are
 * read as the map holds them at each call; digests are SHA-256.
 */
class InMemoryRunpackReadsLikeAStoredRunpackTest {

  private final Map<String, byte[]> files = new HashMap<>(Map.of("a/b.json", utf8("[1]")));
  private final InMemoryRunpack runpack = InMemoryRunpack.over(files);

  private RunpackException refusal(String path, int maxBytes) {
    return assertThrows(RunpackException.class, () -> runpack.read(path, maxBytes));
  }

  @Test
  void aFileWithinTheLimitIsRead() {
    assertArrayEquals(utf8("[1]"), runpack.read("a/b.json", 3));
  }

  @Test
  void aFileOverTheLimitIsRefused() {
    RunpackException error = refusal("a/b.json", 2);
    assertEquals(ErrorCode.LIMIT_EXCEEDED, error.code());
    assertEquals("larger than the limit of 2 bytes", error.getMessage());
  }

  @Test
  void aMissingFileIsNotFound() {
    RunpackException error = refusal("a/c.json", 100);
    assertEquals(ErrorCode.FILE_NOT_FOUND, error.code());
    assertEquals("no such file", error.getMessage());
  }

  @Test
  void unsafePathsAreRefusedBeforeAnyLookup() {
    for (String path : List.of("../a/b.json", "/a/b.json", "a\\b.json", "", "a//b.json", "a/./b")) {
      files.put(path, utf8("[]"));
      RunpackException error = refusal(path, 100);
      assertEquals(ErrorCode.INVALID_REQUEST, error.code(), path);
      assertTrue(error.getMessage().startsWith("unsafe path: "), error.getMessage());
    }
  }

  @Test
  void filesAreReadAsTheMapHoldsThemAtEachCall() {
    files.put("a/b.json", utf8("[2]"));
    files.put("new.json", utf8("{}"));
    assertArrayEquals(utf8("[2]"), runpack.read("a/b.json", 100));
    assertArrayEquals(utf8("{}"), runpack.read("new.json", 100));
  }

  @Test
  void theDigestIsTheSha256OfTheBytes() {
    assertEquals(HashDigest.sha256(Hashes.sha256(utf8("[1]"))), runpack.sha256("a/b.json", 100));
  }
}
