package dev.custos.cli;

import dev.custos.source.HiddenAreaProbe;
import dev.custos.source.HiddenAreas;

/** The HPA/DCO probe the commands use. */
final class HiddenAreaProbes {
  private HiddenAreaProbes() {}

  static HiddenAreaProbe system() {
    return (node, sysfsDir) -> HiddenAreas.notAvailable("not probed");
  }
}
