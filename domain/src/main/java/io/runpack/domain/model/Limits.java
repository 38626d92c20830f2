package io.runpack.domain.model;

import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonNumber;

/**
 * Every named limit of Runpack, in one list (the README's "Limits" table is this class): the
 * format's own (FORMAT §2 and §4) and those of what the front ends accept. Every adapter and front
 * end enforces these, never a number of its own.
 */
public final class Limits {

  /** Largest artifact or manifest, written or read: 16 MiB. */
  public static final int MAX_ARTIFACT_BYTES = 16 * 1024 * 1024;

  /**
   * Largest run bundle or stored run: the spec and six logs, each of which must fit an artifact.
   */
  public static final long MAX_RUN_BYTES = 7L * MAX_ARTIFACT_BYTES;

  /**
   * Largest runpack_export request, from any front end: 64 KiB (a valid one is a few hundred
   * bytes).
   */
  public static final int MAX_REQUEST_BYTES = 64 * 1024;

  /** Deepest nesting of JSON arrays and objects, read or written. */
  public static final int MAX_JSON_DEPTH = CanonicalJson.MAX_DEPTH;

  /** Longest JSON number literal, in characters. */
  public static final int MAX_NUMBER_LENGTH = JsonNumber.MAX_LEXEME_LENGTH;

  /** Longest component of a runpack-relative path or storage key segment, in UTF-8 bytes. */
  public static final int MAX_PATH_COMPONENT_BYTES = 255;

  /** Longest runpack-relative path or storage key, in UTF-8 bytes. */
  public static final int MAX_PATH_BYTES = 4_096;

  /**
   * Largest detached manifest signature ({@code <manifest>.sig}) read: 8 KiB (one is a few hundred
   * bytes).
   */
  public static final int MAX_SIGNATURE_BYTES = 8 * 1024;

  /** Largest key file read (signing or public key): 8 KiB, as Decision Gate's CLI. */
  public static final int MAX_KEY_FILE_BYTES = 8 * 1024;

  /**
   * Largest file {@code pretty} writes: 64 MiB. Indentation can make a 16 MiB artifact many times
   * larger (two spaces per level on every line).
   */
  public static final int MAX_PRETTY_FILE_BYTES = 64 * 1024 * 1024;

  /** Most bytes one {@code pretty} run writes, every file together (held until moved in whole). */
  public static final long MAX_PRETTY_TOTAL_BYTES = 256L * 1024 * 1024;

  /**
   * Records of one log shown in a {@code runpack report} timeline: the first and the last half of
   * this many; the others are counted, not shown, so a page stays small whatever the log's size.
   */
  public static final int MAX_REPORT_RECORDS_PER_LOG = 100;

  /** Files listed in a {@code runpack report} page; the others are counted, not listed. */
  public static final int MAX_REPORT_FILES = 1_000;

  private Limits() {}
}
