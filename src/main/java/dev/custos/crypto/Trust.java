package dev.custos.crypto;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether one signature proves who signed: its verdict against the verifier's trust anchors.
 * Immutable.
 *
 * @param level the verdict
 * @param reason one line saying why: the anchor it chains to, or what keeps it from being trusted
 * @param anchorSha256 the SHA-256 of the anchor's certificate when {@link Level#TRUSTED}, else null
 */
public record Trust(Level level, String reason, String anchorSha256) {
  public Trust {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(reason, "reason");
    if ((level == Level.TRUSTED) != (anchorSha256 != null)) {
      throw new IllegalArgumentException("a trusted signature names its anchor, and only a trusted one does");
    }
  }

  /** An event or report that carries no signature. */
  public static Trust unsigned() {
    return new Trust(Level.UNSIGNED, "carries no signature: it proves nothing about who recorded it", null);
  }

  /** A signature that does not verify, or whose certificate is not at hand: {@code why}. */
  public static Trust notTrusted(String why) {
    return new Trust(Level.NOT_TRUSTED, why, null);
  }

  /** Whether the signature chains to an anchor. */
  public boolean trusted() {
    return level == Level.TRUSTED;
  }

  /** What a signature is, as far as the verifier's anchors tell. */
  public enum Level {
    /** Valid, and its chain holds, at the signing time, up to a trust anchor the verifier gave. */
    TRUSTED,
    /**
     * Valid, and its chain holds at the signing time, but up to a root only the evidence directory
     * supplies: no trust anchor was given, so it shows which key signed, not whose key it is.
     */
    SELF_ASSERTED,
    /** Does not verify, or does not chain to any of the anchors given at its signing time. */
    NOT_TRUSTED,
    /** Carries no signature. */
    UNSIGNED;

    /** {@code TRUSTED}, {@code SELF-ASSERTED}, {@code NOT TRUSTED}, {@code UNSIGNED}: the table form. */
    public String label() {
      return name().replace('_', this == SELF_ASSERTED ? '-' : ' ');
    }

    /** {@code trusted}, {@code self-asserted}, {@code not-trusted}, {@code unsigned}: the JSON form. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
