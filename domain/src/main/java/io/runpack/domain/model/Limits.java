package io.runpack.domain.model;

/** The format's named limits (FORMAT §2 and §4), shared by every adapter. */
public final class Limits {

  /** Largest artifact or manifest, written or read: 16 MiB. */
  public static final int MAX_ARTIFACT_BYTES = 16 * 1024 * 1024;

  /** Longest component of a runpack-relative path or storage key segment, in UTF-8 bytes. */
  public static final int MAX_PATH_COMPONENT_BYTES = 255;

  /** Longest runpack-relative path or storage key, in UTF-8 bytes. */
  public static final int MAX_PATH_BYTES = 4_096;

  private Limits() {}
}
