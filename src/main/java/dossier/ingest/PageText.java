package dossier.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an element into plain-text paragraphs: block elements and doubled line breaks end a
 * paragraph, a single {@code <br>} is a line break, {@code <pre>} keeps its lines, table cells of a
 * row share a line. The walk is iterative, so nesting depth does not matter.
 */
final class PageText {
  private PageText() {}

  static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "center",
          "dd",
          "details",
          "dialog",
          "dir",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hgroup",
          "hr",
          "li",
          "main",
          "menu",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "thead",
          "tfoot",
          "tr",
          "ul",
          "caption",
          "body",
          "html",
          "option",
          "legend",
          "noscript");

  /** The paragraphs of {@code root}, each trimmed, none empty. */
  static List<String> paragraphs(Element root) {
    Collector c = new Collector();
    NodeTraversor.traverse(c, root);
    c.flush();
    return c.out;
  }

  private static final class Collector implements NodeVisitor {
    final List<String> out = new ArrayList<>();
    final StringBuilder cur = new StringBuilder();
    int pre;
    boolean pendingBreaks;
    int brRun;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String s = t.getWholeText();
        if (pre > 0) {
          cur.append(s);
        } else {
          appendCollapsed(s);
        }
        if (!t.isBlank()) {
          brRun = 0;
        }
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          brRun++;
          if (brRun >= 2) {
            flush();
          } else {
            trimTrailingSpace();
            cur.append('\n');
          }
        } else if (BLOCKS.contains(tag)) {
          flush();
        } else if (tag.equals("td") || tag.equals("th")) {
          if (cur.length() > 0 && !endsWithSpace()) {
            cur.append(' ');
          }
        } else if (tag.equals("img") && cur.length() > 0 && !endsWithSpace()) {
          cur.append(' ');
        }
        if (tag.equals("pre")) {
          pre++;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("pre")) {
          pre--;
        }
        if (BLOCKS.contains(tag)) {
          flush();
        } else if ((tag.equals("td") || tag.equals("th")) && !endsWithSpace()) {
          cur.append(' ');
        }
      }
    }

    private boolean endsWithSpace() {
      if (cur.length() == 0) {
        return true;
      }
      char c = cur.charAt(cur.length() - 1);
      return c == ' ' || c == '\n';
    }

    private void trimTrailingSpace() {
      while (cur.length() > 0 && cur.charAt(cur.length() - 1) == ' ') {
        cur.setLength(cur.length() - 1);
      }
    }

    private void appendCollapsed(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
          if (!endsWithSpace()) {
            cur.append(' ');
          }
        } else {
          cur.append(c);
        }
      }
    }

    void flush() {
      brRun = 0;
      if (cur.length() == 0) {
        return;
      }
      String p = clean(cur.toString(), false);
      cur.setLength(0);
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
  }

  /** Trims every line, drops empty lines and, outside pre, collapses inner runs of spaces. */
  static String clean(String s, boolean keepSpaces) {
    StringBuilder b = new StringBuilder(s.length());
    for (String line : s.split("\n")) {
      String t = keepSpaces ? line.stripTrailing() : line.strip().replaceAll("[ \\t\\u00a0]+", " ");
      if (t.isBlank()) {
        continue;
      }
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(t);
    }
    return b.toString();
  }
}
