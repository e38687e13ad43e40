package dev.custos.source;

import java.nio.file.Path;

/** Asks a drive whether an HPA or DCO hides sectors. A seam: tests pass a fake. */
@FunctionalInterface
public interface HiddenAreaProbe {
  /**
   * Probes the device at {@code node} whose sysfs directory is {@code sysfsDir}; never throws:
   * what cannot be asked is "not available" with the reason.
   */
  HiddenAreas probe(Path node, Path sysfsDir);
}
