package dossier.cli;

import dossier.core.WriteFailure;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Where dossier's output goes, built so that a failed write stops the command: {@link PrintWriter}
 * on its own swallows every {@link IOException} (an export to a full disk used to print "exported
 * 2366 articles" over a truncated file), so every writer dossier prints through sits on a {@link
 * Loud} writer that turns the first failure into a {@link WriteFailure} naming the target.
 */
final class Output {
  private Output() {}

  /** The name standard output has in messages. */
  static final String STDOUT = "standard output";

  /** A print writer on {@code out} that throws {@link WriteFailure} naming {@code what}. */
  static PrintWriter printWriter(OutputStream out, Charset charset, String what) {
    return new PrintWriter(new Loud(new OutputStreamWriter(out, charset), what));
  }

  /** A print writer on {@code out} that throws {@link WriteFailure} naming {@code what}. */
  static PrintWriter printWriter(Writer out, String what) {
    return new PrintWriter(new Loud(out, what));
  }

  /**
   * The encoding of standard output, chosen as picocli chooses it for its own writers: the
   * console's when the JVM knows it, else the platform default.
   */
  static Charset stdoutCharset() {
    String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
    try {
      return name != null ? Charset.forName(name) : Charset.defaultCharset();
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }

  /** Passes everything on and rethrows a failure as {@link WriteFailure}. */
  static final class Loud extends FilterWriter {
    private final String what;

    Loud(Writer out, String what) {
      super(out);
      this.what = what;
    }

    @Override
    public void write(int c) {
      try {
        out.write(c);
      } catch (IOException e) {
        throw new WriteFailure(what, e);
      }
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      try {
        out.write(cbuf, off, len);
      } catch (IOException e) {
        throw new WriteFailure(what, e);
      }
    }

    @Override
    public void write(String str, int off, int len) {
      try {
        out.write(str, off, len);
      } catch (IOException e) {
        throw new WriteFailure(what, e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new WriteFailure(what, e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new WriteFailure(what, e);
      }
    }
  }
}
