package dev.custos.verify;

import dev.custos.image.ImageFile;
import dev.custos.image.ImageLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Check 2: every image file the manifest names is a regular file in the directory with its
 * recorded size, and no other file there looks like a part of the image.
 */
final class ImageFilesCheck {
  private ImageFilesCheck() {}

  /**
   * @throws UncheckedIOException if the directory cannot be listed
   */
  static CheckResult check(Path directory, List<ImageFile> recorded) {
    List<Problem> problems = new ArrayList<>();
    long total = 0;
    Set<String> names = new HashSet<>();
    for (ImageFile file : recorded) {
      names.add(file.name());
      total += file.sizeBytes();
      Path path = directory.resolve(file.name());
      if (Files.isSymbolicLink(path)) {
        problems.add(new Problem(file.name(), file.name() + " is a symbolic link, not the image file: it is not followed"));
      } else if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(new Problem(file.name(), file.name() + " is missing (recorded " + file.sizeBytes() + " bytes)"));
      } else if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(new Problem(file.name(), file.name() + " is not a regular file"));
      } else {
        long size = size(path);
        if (size < file.sizeBytes()) {
          problems.add(new Problem(file.name(), file.name() + " is truncated: " + size + " of its recorded " + file.sizeBytes()
              + " bytes (" + (file.sizeBytes() - size) + " missing)"));
        } else if (size > file.sizeBytes()) {
          problems.add(new Problem(file.name(), file.name() + " has grown: " + size + " bytes, recorded " + file.sizeBytes()
              + " (" + (size - file.sizeBytes()) + " added at its end)"));
        }
      }
    }
    for (String extra : imageFileNames(directory)) {
      if (!names.contains(extra)) {
        problems.add(new Problem(extra, extra + " is not in the manifest: an image file that was not acquired with it"));
      }
    }
    return CheckResult.of(Check.IMAGE_FILES, recorded.size() + (recorded.size() == 1 ? " file, " : " files, ") + total + " bytes",
        problems);
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + path + ": " + e.getMessage(), e);
    }
  }

  private static List<String> imageFileNames(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(path -> path.getFileName().toString()).filter(ImageLayout::isImageFileName).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }
}
