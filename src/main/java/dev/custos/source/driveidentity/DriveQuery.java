package dev.custos.source.driveidentity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One identity query, with its exact command line. Each only reads: the tools open the device
 * {@code O_RDONLY} (hdparm and smartctl with {@code O_NONBLOCK}) and send identify and log-read
 * commands through ioctls; none is given an option that sets anything.
 *
 * <p>{@code smartctl -x} reads the SCT status and error-recovery settings through the SCT command
 * transport, which hands the request to the drive as a SMART WRITE LOG to log page E0h: a command
 * register, never a user-data sector. It is the one "write" in the set, and docs/drive-identity.md
 * says so.
 */
public enum DriveQuery {
  /** {@code hdparm -I DEV}: ATA IDENTIFY DEVICE, decoded. */
  HDPARM_IDENTIFY("hdparm", "hdparm", "txt", false),
  /** {@code smartctl -x --json=c DEV}: identity, SMART health, attributes and logs, as compact JSON. */
  SMARTCTL("smartctl", "smartctl", "json", false),
  /** {@code nvme id-ctrl DEV -o json}: the NVMe controller's Identify data. */
  NVME_ID_CTRL("nvme-id-ctrl", "nvme", "json", true),
  /** {@code nvme id-ns DEV -o json}: the Identify data of the namespace the source is. */
  NVME_ID_NS("nvme-id-ns", "nvme", "json", true),
  /** {@code nvme list-ns DEV -o json}: the controller's active namespaces. */
  NVME_LIST_NS("nvme-list-ns", "nvme", "json", true);

  private final String id;
  private final String tool;
  private final String extension;
  private final boolean nvmeOnly;

  DriveQuery(String id, String tool, String extension, boolean nvmeOnly) {
    this.id = id;
    this.tool = tool;
    this.extension = extension;
    this.nvmeOnly = nvmeOnly;
  }

  /** The name the manifest and the file names use: {@code hdparm}, {@code smartctl}, {@code nvme-id-ctrl} … */
  public String id() {
    return id;
  }

  /** The executable it runs. */
  public String tool() {
    return tool;
  }

  /** The transcript file's extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** Whether only an NVMe device is asked it. */
  public boolean nvmeOnly() {
    return nvmeOnly;
  }

  /**
   * The command line that asks {@code device}, {@code executable} being this query's tool. The
   * device is always the last word but for nvme-cli's output option, and no other path is passed.
   */
  public List<String> command(Path executable, Path device) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    switch (this) {
      case HDPARM_IDENTIFY -> command.addAll(List.of("-I", device.toString()));
      case SMARTCTL -> command.addAll(List.of("-x", "--json=c", device.toString()));
      case NVME_ID_CTRL -> command.addAll(List.of("id-ctrl", device.toString(), "-o", "json"));
      case NVME_ID_NS -> command.addAll(List.of("id-ns", device.toString(), "-o", "json"));
      case NVME_LIST_NS -> command.addAll(List.of("list-ns", device.toString(), "-o", "json"));
      default -> throw new IllegalStateException("no command for " + this);
    }
    return command;
  }

  /** The query whose {@link #id} is {@code id}. */
  public static DriveQuery byId(String id) {
    for (DriveQuery query : values()) {
      if (query.id.equals(id)) {
        return query;
      }
    }
    throw new IllegalArgumentException("no drive identity query '" + id + "'");
  }
}
