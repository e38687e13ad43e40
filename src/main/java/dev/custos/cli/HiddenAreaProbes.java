package dev.custos.cli;

import dev.custos.source.DeviceInventory;
import dev.custos.source.HiddenAreaProbe;

/** The HPA/DCO probe the commands use: read-only hdparm queries, for ATA drives only. */
final class HiddenAreaProbes {
  private HiddenAreaProbes() {}

  static HiddenAreaProbe system() {
    return DeviceInventory.ataHiddenAreaProbe();
  }
}
