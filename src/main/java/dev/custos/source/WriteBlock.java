package dev.custos.source;

import java.util.Objects;

/**
 * How the source was protected from writes, and the proof of it.
 *
 * @param method the protection relied on
 * @param kernelReadOnly the kernel's read-only flag as read just before the source was opened
 * @param hardwareBlocker the hardware write blocker the examiner declared, or {@code null}
 * @param proof what was checked, in words, e.g. "/sys/dev/block/7:0/ro = 1 before opening"
 */
public record WriteBlock(WriteBlockMethod method, boolean kernelReadOnly, String hardwareBlocker, String proof) {
  public WriteBlock {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(proof, "proof");
  }
}
