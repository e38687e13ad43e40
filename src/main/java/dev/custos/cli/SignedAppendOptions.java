package dev.custos.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What every command that appends a signed event to an evidence directory's custody log takes:
 * {@code DIR}, the key ({@link SigningKeyOptions}) and the anchors of other labs' signers ({@link
 * TrustOptions}). Use as {@code @Mixin SignedAppendOptions log;}.
 */
final class SignedAppendOptions {
  @Mixin SigningKeyOptions signing;
  @Mixin TrustOptions trust;

  @Parameters(index = "0", paramLabel = "DIR", description = "The evidence directory.")
  Path directory;
}
