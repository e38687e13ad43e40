package dev.custos.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.EvidenceClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of the custody log, as the log holds it. Immutable: {@code data} is copied in and out.
 *
 * <p>{@link #hash()} is the SHA-256 of the RFC 8785 form of the event without {@code hash} and
 * {@code sig} ({@link #signedBytes()}); {@link #signature()} is the signer's ECDSA signature over
 * those same bytes, or null when unsigned. The line in {@code custody.jsonl} is the RFC 8785 form
 * of the whole event ({@link #line()}).
 *
 * @param seq position in the log, from 0
 * @param time when it was recorded, UTC, milliseconds
 * @param type what happened: {@code acquisition-started}, {@code transfer}, {@code note}, …
 * @param actor who recorded it
 * @param host the workstation: host name, operating system, account
 * @param tool the tool and its version
 * @param data the event's facts
 * @param prev the previous event's hash; 64 zeros for seq 0
 * @param hash this event's hash
 * @param signature base64 DER signature, or null when unsigned
 */
public record CustodyEvent(long seq, Instant time, String type, Actor actor, EventHost host, EventTool tool,
    JsonNode data, String prev, String hash, String signature) {
  /** {@code prev} of the first event. */
  public static final String NO_PREVIOUS = "0".repeat(64);

  /** @throws IllegalArgumentException for a negative seq or a data member that is not an object */
  public CustodyEvent {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be 0 or more, got " + seq);
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tool, "tool");
    if (data == null || !data.isObject()) {
      throw new IllegalArgumentException("event data must be a JSON object");
    }
    data = data.deepCopy();
    Objects.requireNonNull(prev, "prev");
    Objects.requireNonNull(hash, "hash");
  }

  /** A copy of the event's facts. */
  @Override
  public JsonNode data() {
    return data.deepCopy();
  }

  /** Whether the event carries a signature. */
  public boolean signed() {
    return signature != null;
  }

  /** The bytes {@code hash} and {@code sig} are computed over: RFC 8785 form without them. */
  public byte[] signedBytes() {
    return signedBytes(tree(false));
  }

  /** The log line: RFC 8785 form of the whole event, then {@code \n}. */
  public byte[] line() {
    return (Canonical.text(tree(true)) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The whole event as a JSON tree (a fresh copy). */
  public ObjectNode toTree() {
    return tree(true);
  }

  static byte[] signedBytes(ObjectNode unsignedTree) {
    return Canonical.bytes(unsignedTree);
  }

  /** Lowercase hex SHA-256 of {@code bytes}. */
  static String sha256(byte[] bytes) {
    return Digest.compute(HashAlgorithm.SHA_256, bytes).hex();
  }

  ObjectNode tree(boolean withHashAndSignature) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("seq", seq);
    node.put("time", EvidenceClock.format(time));
    node.put("type", type);
    ObjectNode actorNode = node.putObject("actor");
    actorNode.put("name", actor.name());
    if (actor.certificateSha256() != null) {
      actorNode.put("certificateSha256", actor.certificateSha256());
    }
    node.putObject("host").put("hostname", host.hostname()).put("os", host.os()).put("user", host.user());
    ObjectNode toolNode = node.putObject("tool").put("name", tool.name()).put("version", tool.version());
    if (tool.commit() != null) {
      // Events recorded before the build identity existed have neither key; their hash covers that.
      toolNode.put("commit", tool.commit()).put("jarSha256", tool.jarSha256());
    }
    node.set("data", data.deepCopy());
    node.put("prev", prev);
    if (withHashAndSignature) {
      node.put("hash", hash);
      if (signature != null) {
        node.put("sig", signature);
      }
    }
    return node;
  }

  /**
   * The workstation an event was recorded on.
   *
   * @param hostname the kernel's host name
   * @param os operating system, kernel version and architecture
   * @param user the account that ran Custos
   */
  public record EventHost(String hostname, String os, String user) {
    public EventHost {
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(os, "os");
      Objects.requireNonNull(user, "user");
    }
  }

  /**
   * The tool that recorded an event.
   *
   * @param name {@code custos}
   * @param version its version
   * @param commit the commit it was built from ({@code -dirty}, {@code unknown}: see {@link
   *     dev.custos.evidence.ToolInfo}); null only for an event recorded by a build before Custos
   *     recorded its commit
   * @param jarSha256 the SHA-256 of the jar it ran from, or null when not run from a jar (or
   *     {@code commit} is null)
   */
  public record EventTool(String name, String version, String commit, String jarSha256) {
    public EventTool {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
    }

    /** The tool of an event recorded before Custos recorded its commit and jar. */
    public EventTool(String name, String version) {
      this(name, version, null, null);
    }

    /** An event's tool as this build records it. */
    public static EventTool of(dev.custos.evidence.ToolInfo tool) {
      return new EventTool(tool.name(), tool.version(), tool.commit(), tool.jarSha256());
    }
  }
}
