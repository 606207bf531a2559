package dossier.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place at most ten times a second. It draws
 * only when standard error is a terminal and --quiet is off; otherwise every call does nothing, so
 * scripts and logs never see it.
 */
final class Progress implements AutoCloseable {
  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final String label;
  private final String unit;
  private final int width;
  private final long started = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  /** Columns the bar takes on the screen now. */
  private int shown;

  private Progress(PrintWriter err, String label, String unit, int width) {
    this.err = err;
    this.label = label;
    this.unit = unit;
    this.width = width;
  }

  /** A bar for {@code cmd}, or one that draws nothing when stderr is not a terminal. */
  static Progress start(BaseCommand cmd, String label, String unit) {
    boolean on = cmd.env().stderrTty() && !cmd.root().quiet();
    return new Progress(on ? cmd.err() : null, label, unit, Terminal.width(cmd.env()));
  }

  /** True when this bar draws. */
  boolean active() {
    return err != null;
  }

  /** {@code done} of {@code total} units; a total of 0 or less means not known (a counter). */
  void update(long done, long total) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    if (drawn && now - lastDraw < REDRAW_NANOS && (total <= 0 || done < total)) {
      return;
    }
    lastDraw = now;
    drawn = true;
    // Plain spaces clear what a longer line left: no escape sequences, which stderr's guard
    // against terminal injection would break up.
    String line = line(done, total, (now - started) / 1e9);
    int w = Terminal.displayWidth(line);
    err.print("\r" + line + " ".repeat(Math.max(0, shown - w)));
    shown = w;
    err.flush();
  }

  /** The text of the bar: {@code label [█████▍ ] 54% 1,234/2,280 files 310/s}. */
  String line(long done, long total, double seconds) {
    String rate = seconds >= 0.5 ? String.format(Locale.ROOT, "  %,.0f/s", done / seconds) : "";
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s  %,d %s%s", label, done, unit, rate);
    }
    double f = Math.min(1.0, Math.max(0.0, done / (double) total));
    String tail =
        String.format(
            Locale.ROOT, " %3d%%  %,d/%,d %s%s", (int) (f * 100), done, total, unit, rate);
    int barWidth = Math.max(10, Math.min(40, width - label.length() - tail.length() - 4));
    int eighths = (int) Math.round(f * barWidth * 8);
    StringBuilder bar = new StringBuilder();
    bar.append("█".repeat(eighths / 8)).append(EIGHTHS[eighths % 8]);
    int used = eighths / 8 + (eighths % 8 > 0 ? 1 : 0);
    bar.append(" ".repeat(Math.max(0, barWidth - used)));
    return label + " [" + bar + "]" + tail;
  }

  /** Clears the bar, leaving the line for what follows; a later update draws it again. */
  @Override
  public void close() {
    if (err != null && drawn) {
      err.print("\r" + " ".repeat(shown) + "\r");
      err.flush();
      drawn = false;
      shown = 0;
    }
  }
}
