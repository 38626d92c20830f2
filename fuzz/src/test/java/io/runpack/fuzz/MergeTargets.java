package io.runpack.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * libFuzzer-style entry points of the fuzz targets, so that Jazzer's command line can merge a grown
 * corpus down to the inputs that add coverage before it is committed (fuzz/merge-corpus.sh).
 */
public final class MergeTargets {

  private MergeTargets() {}

  /** {@link CanonicalJsonFuzzTest}. */
  public static final class Codec {
    private Codec() {}

    public static void fuzzerTestOneInput(byte[] data) {
      new CanonicalJsonFuzzTest().canonicalizeIsTypedAndAFixedPoint(data);
    }
  }

  /** {@link CanonicalTranscoderFuzzTest}. */
  public static final class Transcoder {
    private Transcoder() {}

    public static void fuzzerTestOneInput(byte[] data) {
      new CanonicalTranscoderFuzzTest().transcoderAgreesWithTheTreePath(data);
    }
  }

  /** {@link NumberFormattingFuzzTest}. */
  public static final class Numbers {
    private Numbers() {}

    public static void fuzzerTestOneInput(byte[] data) {
      new NumberFormattingFuzzTest().numbersAgreeWithTheBigDecimalReference(data);
    }
  }

  /** {@link RequestFuzzTest}. */
  public static final class Request {
    private Request() {}

    public static void fuzzerTestOneInput(byte[] data) {
      new RequestFuzzTest().requestHandlingIsTyped(data);
    }
  }

  /** {@link VerifierFuzzTest}. */
  public static final class Verifier {
    private Verifier() {}

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
      new VerifierFuzzTest().verifierNeverPassesWhatDiffersFromTheManifest(data);
    }
  }
}
