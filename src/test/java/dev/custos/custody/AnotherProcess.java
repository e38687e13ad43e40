package dev.custos.custody;

import dev.custos.evidence.EvidenceDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second Custos process for the tests, started with this class as its main: {@code append DIR
 * NAME COUNT} appends COUNT notes as NAME; {@code tear DIR} takes the append lock, writes the first
 * half of a real next event, says {@code torn} on stdout and waits to be killed.
 */
final class AnotherProcess {
  private AnotherProcess() {}

  static Process start(String... arguments) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AnotherProcess.class.getName()));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[1]);
    if (args[0].equals("append")) {
      CustodyRecorder recorder = CustodyFixtures.unsignedRecorder(args[2]);
      for (int i = 0; i < Integer.parseInt(args[3]); i++) {
        recorder.append(directory, "note", CustodyFixtures.note(args[2] + " " + i));
      }
      return;
    }
    AppendLock lock = AppendLock.acquire(directory);
    Path log = directory.resolve(EvidenceDirectory.CUSTODY_LOG);
    LogFile file = LogFile.open(log);
    CustodyEvent last = file.last();
    CustodyEvent next = new CustodyEvent(last.seq() + 1, last.time(), "note", last.actor(), last.host(), last.tool(),
        CustodyFixtures.note("never finished"), last.hash(), last.hash(), null);
    byte[] line = next.line();
    Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap(Arrays.copyOf(line, line.length / 2)));
      channel.force(true);
    }
    System.out.println("torn");
    System.out.flush();
    TimeUnit.MINUTES.sleep(5);
    lock.close();
  }
}
