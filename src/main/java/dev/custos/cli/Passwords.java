package dev.custos.cli;

import dev.custos.error.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a key file's password comes from, in this order: an explicitly given password file (its
 * first line, without the line end), then an environment variable, then a prompt on the terminal
 * (twice for a new file, to confirm). Never a command-line argument, which other users see in
 * {@code ps}. The caller zeroes the array it gets; a variable's value is a String the JVM cannot
 * zero, which is why a file or the prompt is preferable.
 *
 * @param file the password file given, or null
 * @param fileOption the option that names it, for messages ({@code --password-file})
 * @param variable the environment variable to read ({@code CUSTOS_KEY_PASSWORD})
 */
record Passwords(Path file, String fileOption, String variable) {
  /**
   * The password of the existing key file {@code keyFile}.
   *
   * @throws UsageException if no source gives one, or the password file cannot be read or is empty
   */
  char[] existing(Path keyFile, Environment environment) throws UsageException {
    char[] password = fromFileOrVariable(environment);
    if (password == null) {
      password = environment.terminal().readPassword("Password for " + keyFile + ": ");
    }
    return require(password, keyFile);
  }

  /**
   * The password for the new key file {@code keyFile}; on a terminal it is typed twice.
   *
   * @throws UsageException if no source gives one, the password is empty, or the two typed differ
   */
  char[] fresh(Path keyFile, Environment environment) throws UsageException {
    char[] password = fromFileOrVariable(environment);
    if (password == null) {
      password = environment.terminal().readPassword("Password for the new " + keyFile + ": ");
      if (password != null) {
        char[] again = environment.terminal().readPassword("The same password again: ");
        boolean same = Arrays.equals(password, again);
        zero(again);
        if (!same) {
          zero(password);
          throw new UsageException("the two passwords typed for " + keyFile + " differ; nothing was written");
        }
      }
    }
    return require(password, keyFile);
  }

  /** The password from the file or the variable, or null when neither is given. */
  char[] fromFileOrVariable(Environment environment) throws UsageException {
    if (file != null) {
      return firstLine(file);
    }
    String value = environment.variable(variable);
    return value == null ? null : value.toCharArray();
  }

  private char[] require(char[] password, Path keyFile) throws UsageException {
    if (password == null) {
      throw new UsageException("no password for " + keyFile + ": give " + fileOption + " FILE, set " + variable
          + ", or run on a terminal to be asked");
    }
    if (password.length == 0) {
      throw new UsageException("the password for " + keyFile + " is empty");
    }
    return password;
  }

  /** Fills {@code password} with zeros; null is ignored. */
  static void zero(char[] password) {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }

  private static char[] firstLine(Path file) throws UsageException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("password file " + file + " not found", e);
    } catch (IOException e) {
      throw new UsageException("password file " + file + " cannot be read: " + e.getMessage(), e);
    }
    CharBuffer chars = null;
    try {
      int end = 0;
      while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, end));
      char[] password = new char[chars.remaining()];
      chars.get(password);
      return password;
    } catch (CharacterCodingException e) {
      throw new UsageException("password file " + file + " is not UTF-8 text", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (chars != null && chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
    }
  }
}
