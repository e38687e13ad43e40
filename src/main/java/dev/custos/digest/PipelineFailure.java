package dev.custos.digest;

/** A consumer of the {@link BlockPipeline} failed; the cause is what it threw. */
public final class PipelineFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String consumer;

  PipelineFailure(String consumer, Throwable cause) {
    super(consumer + ": " + cause.getMessage(), cause);
    this.consumer = consumer;
  }

  /** Name of the consumer that failed first. */
  public String consumer() {
    return consumer;
  }
}
