package dev.custos.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The read-rate graph: MB/s (10^6 bytes a second) over the seconds since the start, drawn as steps,
 * each the average rate between two consecutive samples. With fewer than two samples there is no
 * rate to draw: the frame says so instead. A resumed acquisition's runs follow each other on one
 * axis of acquisition time, the time stopped between them cut out, each run after the first begun
 * by a labelled vertical line.
 */
final class RateGraph {
  static final Color LINE = new Color(0x1f, 0x5f, 0xa8);
  static final Color RUN_MARK = new Color(0xb0, 0x50, 0x10);
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
  private static final float HEIGHT = 130;
  private static final float AXIS_GUTTER = 40;
  private static final int TICKS = 5;

  /** Bytes read by {@code elapsedMs} milliseconds after the start. */
  record Sample(long elapsedMs, long bytes) {}

  /**
   * One run of a resumed acquisition on the axis of acquisition time.
   *
   * @param offsetMs where it begins on the axis: the time the runs before it ran
   * @param durationMs how long it ran
   * @param label what its line says ("run 2, resumed 2026-…Z"); the first run has none
   * @param samples its samples, milliseconds since its own start
   */
  record Run(long offsetMs, long durationMs, String label, List<Sample> samples) {
    Run {
      samples = List.copyOf(samples);
    }
  }

  private RateGraph() {}

  /** Draws the graph of an acquisition that ran in one go at the cursor, with its axes and their labels. */
  static void draw(PageWriter page, List<Sample> samples) {
    drawRuns(page, List.of(new Run(0, samples.isEmpty() ? 0 : samples.get(samples.size() - 1).elapsedMs(), null, samples)));
  }

  /** Draws the graph of {@code runs} (at least one), one after the other on the axis of acquisition time. */
  static void drawRuns(PageWriter page, List<Run> runs) {
    Style small = page.small;
    page.ensure(HEIGHT + 3 * small.leading() + 8);
    float left = PageWriter.LEFT + AXIS_GUTTER;
    float right = PageWriter.RIGHT - 8;
    float top = page.y() - small.leading() - 4;
    float bottom = top - HEIGHT;
    Draw draw = new Draw(page.content());
    page.line(PageWriter.LEFT, top + 4, small, "MB/s");
    List<List<float[]>> runSteps = new ArrayList<>();
    runs.forEach(run -> runSteps.add(steps(run.samples(), run.offsetMs())));
    List<float[]> steps = runSteps.stream().flatMap(List::stream).toList();
    if (steps.isEmpty()) {
      draw.strokeRect(left, bottom, right - left, HEIGHT, Style.MUTED, 0.5f);
      int count = runs.stream().mapToInt(run -> run.samples().size()).sum();
      String none = count + (count == 1 ? " rate sample" : " rate samples")
          + " recorded: too few to draw a rate (two are needed)";
      page.line(left + (right - left - small.width(none)) / 2, bottom + HEIGHT / 2, small, none);
      page.down(page.y() - bottom + 2 * small.leading());
      return;
    }
    Run last = runs.get(runs.size() - 1);
    long endMs = Math.max(last.offsetMs() + last.durationMs(),
        last.offsetMs() + (last.samples().isEmpty() ? 0 : last.samples().get(last.samples().size() - 1).elapsedMs()));
    double[] ticks = secondsTicks(endMs / 1000.0);
    double maxSeconds = ticks[ticks.length - 1];
    double maxRate = niceCeiling(steps.stream().mapToDouble(step -> step[2]).max().orElse(1));
    for (int i = 0; i <= TICKS; i++) {
      float y = bottom + HEIGHT * i / TICKS;
      draw.line(left, y, right, y, GRID, 0.4f);
      String value = number(maxRate * i / TICKS);
      page.line(left - 4 - small.width(value), y - small.size() / 3, small, value);
    }
    for (double tick : ticks) {
      float x = x(left, right, maxSeconds, (float) tick);
      draw.line(x, bottom - 3, x, bottom, Style.INK, 0.5f);
      String seconds = tickLabel(tick, ticks.length > 1 ? ticks[1] : 1);
      page.line(x - small.width(seconds) / 2, bottom - 4 - small.size(), small, seconds);
    }
    for (List<float[]> run : runSteps) {
      // One line a run: nothing was read while it was stopped, so no line joins two runs.
      List<Float> xs = new ArrayList<>();
      List<Float> ys = new ArrayList<>();
      for (float[] step : run) {
        float y = (float) (bottom + HEIGHT * (step[2] / maxRate));
        xs.add(x(left, right, maxSeconds, step[0]));
        ys.add(y);
        xs.add(x(left, right, maxSeconds, step[1]));
        ys.add(y);
      }
      if (!xs.isEmpty()) {
        draw.polyline(toArray(xs), toArray(ys), LINE, 1.2f);
      }
    }
    for (Run run : runs) {
      if (run.label() != null) {
        float x = x(left, right, maxSeconds, run.offsetMs() / 1000f);
        draw.line(x, bottom, x, bottom + HEIGHT, RUN_MARK, 1f);
      }
    }
    int marked = 0;
    for (Run run : runs) {
      if (run.label() != null) {
        float x = x(left, right, maxSeconds, run.offsetMs() / 1000f);
        float labelX = Math.min(x + 2, right - small.width(run.label()));
        // Each label a line lower than the one before, on white, after every line: runs close together stay readable.
        float labelY = bottom + HEIGHT - (small.size() + 2) - (marked++ % 6) * small.leading();
        draw.fillRect(labelX - 1, labelY - small.size() / 3, small.width(run.label()) + 2, small.size() + 1, Color.WHITE);
        page.line(labelX, labelY, small.colored(RUN_MARK), run.label());
      }
    }
    draw.line(left, bottom, right, bottom, Style.INK, 0.6f);
    draw.line(left, bottom, left, bottom + HEIGHT, Style.INK, 0.6f);
    String axis = runs.size() > 1 ? "seconds of acquisition time, since the start (the time stopped between runs cut out)"
        : "seconds since the start of the acquisition";
    page.line(left + (right - left - small.width(axis)) / 2, bottom - 6 - 2 * small.leading(), small, axis);
    page.down(page.y() - bottom + 3 * small.leading() + 4);
  }

  /** {start s, end s, MB/s} for each interval between samples with time between them. */
  static List<float[]> steps(List<Sample> samples) {
    return steps(samples, 0);
  }

  /** As {@link #steps(List)}, on the axis {@code offsetMs} later. */
  private static List<float[]> steps(List<Sample> samples, long offsetMs) {
    List<float[]> steps = new ArrayList<>();
    for (int i = 1; i < samples.size(); i++) {
      Sample from = samples.get(i - 1);
      Sample to = samples.get(i);
      long millis = to.elapsedMs() - from.elapsedMs();
      if (millis > 0) {
        double rate = (to.bytes() - from.bytes()) / (millis * 1000.0);
        steps.add(new float[] {(offsetMs + from.elapsedMs()) / 1000f, (offsetMs + to.elapsedMs()) / 1000f, (float) Math.max(0, rate)});
      }
    }
    return steps;
  }

  /**
   * Round ticks for a time axis reaching {@code seconds}: 0 and then steps of 1, 2 or 5 times a
   * power of ten (about {@link #TICKS} of them), the last at or past the end, so a reader sees 0, 1,
   * 2 s rather than 0, 0.399, 0.799.
   */
  static double[] secondsTicks(double seconds) {
    double step = niceCeiling(seconds / TICKS);
    int count = (int) Math.max(1, Math.ceil(seconds / step - 1e-9));
    double[] ticks = new double[count + 1];
    for (int i = 0; i <= count; i++) {
      ticks[i] = step * i;
    }
    return ticks;
  }

  /** A tick's value with as many decimals as its step needs: 0.2, 0.4; 1, 2; 50, 100. */
  static String tickLabel(double value, double step) {
    if (value == 0) {
      return "0";
    }
    int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code value} (1 for nothing). */
  static double niceCeiling(double value) {
    if (!(value > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (factor * power >= value) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  private static String number(double value) {
    if (value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, value < 1 ? "%.3f" : value < 10 ? "%.2f" : "%.1f", value);
  }

  private static float x(float left, float right, double maxSeconds, float seconds) {
    return maxSeconds <= 0 ? left : (float) (left + (right - left) * (seconds / maxSeconds));
  }

  private static float[] toArray(List<Float> values) {
    float[] array = new float[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }
}
