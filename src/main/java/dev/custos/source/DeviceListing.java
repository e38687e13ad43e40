package dev.custos.source;

import java.util.List;

/**
 * What {@link DeviceInventory#list()} found.
 *
 * @param devices the whole block devices that have a medium (size above 0), by kernel name
 * @param withoutMedium kernel names of the devices left out because their size is 0: unbound
 *     loop devices, an empty card reader or optical drive, an unconfigured zram; listed by name so
 *     that nothing the kernel knows is hidden from the examiner
 */
public record DeviceListing(List<BlockDevice> devices, List<String> withoutMedium) {
  public DeviceListing {
    devices = List.copyOf(devices);
    withoutMedium = List.copyOf(withoutMedium);
  }
}
