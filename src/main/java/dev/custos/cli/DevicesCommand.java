package dev.custos.cli;

import dev.custos.evidence.ToolInfo;
import dev.custos.source.DeviceInventory;
import dev.custos.source.DeviceListing;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code acquire devices [--json]}: lists block devices. Reads sysfs and the mount table only, and
 * asks drives that speak ATA about hidden areas with read-only hdparm queries; writes nothing.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
    description = {
        "List the block devices and what they say of themselves.",
        "Each with its path, vendor, model, serial, size (exact bytes), logical and physical sector size, removable,"
            + " rotational and kernel read-only flags, partitions and their mounts, and whether an HPA or DCO hides sectors.",
        "HPA/DCO is asked only of drives that speak ATA (read-only hdparm -N and --dco-identify); elsewhere"
            + " it is 'not available' with the reason. Devices of size 0 are named at the end, not listed."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:listed", ExitCodes.HELP_USAGE, ExitCodes.HELP_IO_FAILURE})
final class DevicesCommand implements Callable<Integer> {
  /** Where a listing comes from. A seam: tests pass a fake. */
  @FunctionalInterface
  interface Lister {
    /** @throws IOException if sysfs or the mount table cannot be read */
    DeviceListing list() throws IOException;
  }

  @Spec CommandSpec spec;

  @Mixin DebugOption debug;

  @Option(names = "--json", description = "Print JSON (evidence-schema/devices.schema.json) instead of a table.")
  boolean json;

  /** This system's devices, unless a test says otherwise. */
  Lister lister = () -> DeviceInventory.system(DeviceInventory.ataHiddenAreaProbe()).list();

  /** @throws IOException if sysfs or the mount table cannot be read (exit 3) */
  @Override
  public Integer call() throws IOException {
    DeviceListing listing = lister.list();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? DevicesJson.toText(listing, ToolInfo.current()) : DevicesTable.render(listing));
    out.flush();
    return ExitCodes.OK;
  }
}
