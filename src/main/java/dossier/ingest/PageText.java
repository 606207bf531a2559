package dossier.ingest;

import dossier.core.MarkdownText;
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

  /** The blocks of {@code root} in order: their plain text and the structure around it. */
  static List<Block> blocks(Element root) {
    Collector c = new Collector();
    NodeTraversor.traverse(c, root);
    c.flush();
    return c.out;
  }

  /**
   * The blocks as CommonMark: headings, list items (nested by four spaces a level), block quotes,
   * code and paragraphs whose lines end in hard breaks; null when none of them has more structure
   * than its plain text, so that a page of bare paragraphs stores no rendition.
   */
  static String markdown(List<Block> blocks) {
    boolean any = false;
    for (Block b : blocks) {
      any |= b.structured();
    }
    if (!any) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    Block prev = null;
    int itemDepth = 0;
    for (Block b : blocks) {
      String quote = "> ".repeat(b.quotes());
      if (prev != null) {
        boolean tight = prev.kind() == Kind.ITEM && b.kind() == Kind.ITEM && b.marker() != null;
        out.append('\n');
        if (!tight) {
          out.append("> ".repeat(Math.min(prev.quotes(), b.quotes())).strip()).append('\n');
        }
      }
      if (b.kind() != Kind.ITEM || b.quotes() != (prev == null ? 0 : prev.quotes())) {
        itemDepth = 0;
      }
      switch (b.kind()) {
        case HEADING ->
            out.append(quote)
                .append("#".repeat(b.level()))
                .append(' ')
                .append(String.join(" ", b.markdown()));
        case CODE -> {
          String fence = String.join("\n", b.markdown()).contains("```") ? "~~~~~~~~" : "```";
          out.append(quote).append(fence).append('\n');
          for (String line : b.markdown()) {
            out.append(quote).append(line).append('\n');
          }
          out.append(quote).append(fence);
        }
        case ITEM -> {
          int depth = Math.max(1, Math.min(b.depth(), itemDepth + 1));
          itemDepth = depth;
          String indent = "    ".repeat(depth - 1);
          // a later paragraph of an item whose first one was dropped starts an item itself
          String marker =
              b.marker() == null && (prev == null || prev.kind() != Kind.ITEM) ? "-" : b.marker();
          String lead = marker == null ? "    " : marker + " ";
          out.append(quote).append(indent).append(lead);
          lines(out, b.markdown(), quote + indent + " ".repeat(lead.length()));
        }
        case PARAGRAPH -> {
          out.append(quote);
          lines(out, b.markdown(), quote);
        }
      }
      prev = b;
    }
    return out.toString();
  }

  /** Lines of one paragraph joined by hard line breaks, each later line after {@code prefix}. */
  private static void lines(StringBuilder out, List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.append("\\\n").append(prefix);
      }
      out.append(lines.get(i));
    }
  }

  /** What a block is in the page's structure. */
  enum Kind {
    PARAGRAPH,
    HEADING,
    ITEM,
    CODE
  }

  /**
   * One paragraph of the page: its plain {@code text} (lines split by a single {@code <br>}) and
   * the same lines as CommonMark inline content ({@code markdown}, one entry a line, text escaped,
   * links kept), with what holds it: a heading ({@code level} 1-6), a list item ({@code depth}
   * lists deep, {@code marker} "-" or "N." on its first paragraph, null on later ones), a code
   * block, and how many block quotes it sits in.
   */
  record Block(
      Kind kind,
      int level,
      int depth,
      String marker,
      int quotes,
      boolean linked,
      String text,
      List<String> markdown) {

    /** The block with only the lines {@code keep} says to keep (by index), or null if none. */
    Block keep(boolean[] keep) {
      String[] lines = text.split("\n", -1);
      StringBuilder t = new StringBuilder();
      List<String> md = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        if (keep[i]) {
          if (t.length() > 0) {
            t.append('\n');
          }
          t.append(lines[i]);
          md.add(markdown.get(i));
        }
      }
      return md.isEmpty()
          ? null
          : new Block(kind, level, depth, marker, quotes, linked, t.toString(), md);
    }

    /** True when the block says more than its plain text: a heading, list, quote, code or link. */
    boolean structured() {
      return kind != Kind.PARAGRAPH || quotes > 0 || linked;
    }
  }

  /** Marks a link's start in the collected text; the next char is its index plus LINK_BASE. */
  private static final char LINK_START = '\uE000';

  private static final char LINK_END = '\uE001';
  private static final char LINK_BASE = '\uE100';
  private static final int MAX_LINKS = 0x0E00;

  private static boolean marker(char c) {
    return c >= LINK_START && c < LINK_BASE + MAX_LINKS;
  }

  private static final class Collector implements NodeVisitor {
    final List<Block> out = new ArrayList<>();
    final StringBuilder cur = new StringBuilder();
    final List<String> links = new ArrayList<>();
    int pre;
    boolean linked;
    int brRun;
    int quotes;
    int heading;

    /** Open lists, innermost last: the next number of an ordered list, 0 for a bullet list. */
    final List<int[]> lists = new ArrayList<>();

    /** For each open list item: whether its first paragraph has been written. */
    final List<boolean[]> items = new ArrayList<>();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String s = t.getWholeText();
        if (pre > 0) {
          appendRaw(s);
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
          open(e, tag);
        } else if (tag.equals("td") || tag.equals("th")) {
          if (cur.length() > 0 && !endsWithSpace()) {
            cur.append(' ');
          }
        } else if (tag.equals("img") && cur.length() > 0 && !endsWithSpace()) {
          cur.append(' ');
        } else if (tag.equals("a") && pre == 0 && links.size() < MAX_LINKS) {
          String target = MarkdownText.linkTarget(e.attr("href").strip());
          if (target != null) {
            cur.append(LINK_START).append((char) (LINK_BASE + links.size()));
            links.add(target);
          }
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
        if (BLOCKS.contains(tag)) {
          flush();
          close(tag);
        }
        if (tag.equals("pre")) {
          pre--;
        } else if ((tag.equals("td") || tag.equals("th")) && !endsWithSpace()) {
          cur.append(' ');
        } else if (tag.equals("a")
            && pre == 0
            && MarkdownText.linkTarget(e.attr("href").strip()) != null) {
          cur.append(LINK_END);
        }
      }
    }

    private void open(Element e, String tag) {
      switch (tag) {
        case "blockquote" -> quotes++;
        case "ul", "menu", "dir" -> lists.add(new int[] {0});
        case "ol" -> {
          int start = 1;
          try {
            start = Math.max(0, Math.min(999_999_999, Integer.parseInt(e.attr("start").strip())));
          } catch (NumberFormatException ignored) {
            // not a number: count from one
          }
          lists.add(new int[] {start + 1, start});
        }
        case "li" -> items.add(new boolean[] {false});
        default -> {
          heading = Math.max(heading, headingLevel(tag));
        }
      }
    }

    private void close(String tag) {
      switch (tag) {
        case "blockquote" -> quotes = Math.max(0, quotes - 1);
        case "ul", "menu", "dir", "ol" -> {
          if (!lists.isEmpty()) {
            lists.remove(lists.size() - 1);
          }
        }
        case "li" -> {
          if (!items.isEmpty()) {
            items.remove(items.size() - 1);
          }
        }
        default -> {
          if (headingLevel(tag) > 0) {
            heading = 0;
          }
        }
      }
    }

    private boolean endsWithSpace() {
      int i = cur.length() - 1;
      while (i >= 0 && marker(cur.charAt(i))) {
        i--;
      }
      if (i < 0) {
        return true;
      }
      char c = cur.charAt(i);
      return c == ' ' || c == '\n';
    }

    private void trimTrailingSpace() {
      while (cur.length() > 0 && cur.charAt(cur.length() - 1) == ' ') {
        cur.setLength(cur.length() - 1);
      }
    }

    private void appendRaw(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        cur.append(marker(c) ? '\uFFFD' : c);
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
          cur.append(marker(c) ? '\uFFFD' : c);
        }
      }
    }

    void flush() {
      brRun = 0;
      if (cur.length() == 0) {
        return;
      }
      String raw = cur.toString();
      cur.setLength(0);
      boolean code = pre > 0;
      linked = false;
      StringBuilder text = new StringBuilder();
      List<String> md = new ArrayList<>();
      for (String line : raw.split("\n")) {
        String plain = cleanLine(unmarked(line));
        if (plain.isBlank()) {
          continue;
        }
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(plain);
        md.add(code ? plain : markdown(line));
      }
      links.clear();
      if (md.isEmpty()) {
        return;
      }
      Kind kind;
      String marker = null;
      if (code) {
        kind = Kind.CODE;
      } else if (heading > 0) {
        kind = Kind.HEADING;
      } else if (!items.isEmpty() && !lists.isEmpty()) {
        kind = Kind.ITEM;
        boolean[] item = items.get(items.size() - 1);
        if (!item[0]) {
          item[0] = true;
          int[] list = lists.get(lists.size() - 1);
          marker = list[0] == 0 ? "-" : (list[0]++ - 1) + ".";
        }
      } else {
        kind = Kind.PARAGRAPH;
      }
      out.add(new Block(kind, heading, lists.size(), marker, quotes, linked, text.toString(), md));
    }

    /** The line as CommonMark inline content: its text escaped, its marked links as links. */
    private String markdown(String line) {
      StringBuilder b = new StringBuilder();
      StringBuilder seg = new StringBuilder();
      int open = -1;
      String target = null;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == LINK_START && i + 1 < line.length()) {
          int k = line.charAt(++i) - LINK_BASE;
          appendText(b, seg);
          open = b.length();
          target = k >= 0 && k < links.size() ? links.get(k) : null;
        } else if (c == LINK_END) {
          appendText(b, seg);
          if (open >= 0 && target != null && b.length() > open && !b.substring(open).isBlank()) {
            String inner = b.substring(open).strip();
            b.setLength(open);
            b.append('[').append(inner).append("](").append(target).append(')');
            linked = true;
          }
          open = -1;
        } else if (!marker(c)) {
          seg.append(c);
        }
      }
      appendText(b, seg);
      return cleanLine(b.toString());
    }

    /** Appends {@code seg} escaped; only a line's first text can start a block. */
    private static void appendText(StringBuilder b, StringBuilder seg) {
      if (seg.length() == 0) {
        return;
      }
      b.append(MarkdownText.escape(seg.toString(), isBlank(b)));
      seg.setLength(0);
    }
  }

  private static String unmarked(String line) {
    StringBuilder b = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (marker(c)) {
        if (b == null) {
          b = new StringBuilder(line.length());
          b.append(line, 0, i);
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? line : b.toString();
  }

  private static boolean isBlank(CharSequence b) {
    for (int i = 0; i < b.length(); i++) {
      if (!Character.isWhitespace(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The line trimmed, inner runs of spaces, tabs and no-break spaces one space. */
  private static String cleanLine(String line) {
    String s = line.strip();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\t'
          || c == '\u00a0'
          || c == ' ' && i + 1 < s.length() && isRunSpace(s.charAt(i + 1))) {
        break;
      }
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    b.append(s, 0, i);
    boolean run = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isRunSpace(c)) {
        if (!run) {
          b.append(' ');
          run = true;
        }
      } else {
        b.append(c);
        run = false;
      }
    }
    return b.toString();
  }

  private static boolean isRunSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00a0';
  }

  /** 1-6 for h1-h6, else 0. */
  private static int headingLevel(String tag) {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
        ? tag.charAt(1) - '0'
        : 0;
  }
}
