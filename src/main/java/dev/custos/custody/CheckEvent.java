package dev.custos.custody;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the custody events of a re-verification record, as {@link CheckEventJson} reads them back:
 * {@code verification} ({@code report verify}), and {@code image-verified} or {@code
 * source-verified} ({@code acquire image --verify-image}, {@code --verify-source}). Immutable.
 *
 * <p>As in {@link LogEvent}, a member the schema leaves untyped and the data holds with the wrong
 * type reads as null.
 */
public final class CheckEvent {
  /** The type of the event {@code report verify} appends. */
  public static final String VERIFICATION = "verification";
  /** The type of the event of the image read back right after the acquisition. */
  public static final String IMAGE_VERIFIED = "image-verified";
  /** The type of the event of the source read again right after the acquisition. */
  public static final String SOURCE_VERIFIED = "source-verified";
  /** The {@code outcome} of a verification that found everything as recorded. */
  public static final String VERIFIED = "verified";
  /** The {@code outcome} of one that found nothing changed, of an acquisition that did not read its whole source. */
  public static final String INCOMPLETE = "incomplete";
  /** The {@code check} of an {@code image-verified} event. */
  public static final String IMAGE = "image";
  /** The {@code check} of a {@code source-verified} event. */
  public static final String SOURCE = "source";

  private CheckEvent() {}

  /**
   * {@code verification}.
   *
   * @param outcome {@code verified}, {@code not-verified} or {@code incomplete}
   * @param acquired with an incomplete acquisition, how much of the source it got, in words; else null
   * @param started when it began, or null
   * @param ended when it ended, or null
   * @param checks each check's id and verdict id, in order
   * @param digests each algorithm's digest of the image computed now, in order; null when the image was not re-hashed
   * @param piecesDamaged how many pieces differ, with {@code digests}; else null
   * @param source the source re-read, or null
   * @param problemCount how many problems were found
   * @param problems the first of them, one line each
   */
  public record Verification(String outcome, String acquired, Instant started, Instant ended, Map<String, String> checks,
      Map<String, String> digests, Long piecesDamaged, String source, long problemCount, List<String> problems) {
    public Verification {
      Objects.requireNonNull(outcome, "outcome");
      checks = ordered(checks);
      digests = digests == null ? null : ordered(digests);
      problems = List.copyOf(problems);
    }

    /** Whether everything verified. */
    public boolean verified() {
      return VERIFIED.equals(outcome);
    }

    /** Whether nothing changed, but the acquisition did not read its whole source. */
    public boolean incomplete() {
      return INCOMPLETE.equals(outcome);
    }
  }

  /**
   * {@code image-verified} or {@code source-verified}.
   *
   * @param check {@code image} or {@code source}
   * @param started when reading began, or null
   * @param ended when the comparison was done, or null
   * @param read what was read and how
   * @param matched whether every whole and piece digest re-computed equals the one recorded
   * @param digests each whole digest recorded, beside the one computed now; empty when nothing was re-read
   * @param pieces the pieces compared, or null when nothing was re-read
   * @param summary the check's verdict in words
   * @param problemCount how many problems were found
   * @param problems the first of them, one line each
   */
  public record AfterAcquisition(String check, Instant started, Instant ended, String read, boolean matched,
      List<DigestCheck> digests, Pieces pieces, long bytesRead, String summary, long problemCount, List<String> problems) {
    public AfterAcquisition {
      if (!IMAGE.equals(check) && !SOURCE.equals(check)) {
        throw new IllegalArgumentException("an after-acquisition check is of the image or the source, not " + check);
      }
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(summary, "summary");
      digests = List.copyOf(digests);
      problems = List.copyOf(problems);
      if (bytesRead < 0 || problemCount < 0) {
        throw new IllegalArgumentException("bytes read and problems are counts, not " + bytesRead + " and " + problemCount);
      }
    }

    /** Whether it read the source again (else the image back). */
    public boolean ofSource() {
      return SOURCE.equals(check);
    }
  }

  /** A whole digest re-computed after the acquisition, beside the one recorded. */
  public record DigestCheck(String algorithm, String recorded, String computed, boolean matched) {
    public DigestCheck {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(recorded, "recorded");
      Objects.requireNonNull(computed, "computed");
    }
  }

  /**
   * The pieces compared after the acquisition.
   *
   * @param algorithm the piece digest's id, or null when the acquisition kept none
   */
  public record Pieces(String algorithm, long compared, long differ) {
    public Pieces {
      if (compared < 0 || differ < 0) {
        throw new IllegalArgumentException("pieces compared and differing are counts, not " + compared + " and " + differ);
      }
    }
  }

  private static Map<String, String> ordered(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
