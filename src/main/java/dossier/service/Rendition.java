package dossier.service;

import dossier.core.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The stored Markdown rendition of a body (see {@link dossier.core.Article#markdown}), drawn for an
 * export page and for the review reader with commonmark-java. Article text comes from anywhere, so
 * the HTML is safe to open: raw HTML in it is escaped, only http, https and mailto links stay
 * links, and images become their description (an exported page never loads anything).
 */
public final class Rendition {
  private static final Parser PARSER = Parser.builder().build();

  private static final HtmlRenderer HTML =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(
              new org.commonmark.renderer.html.UrlSanitizer() {
                @Override
                public String sanitizeLinkUrl(String url) {
                  return allowed(url) ? url : "";
                }

                @Override
                public String sanitizeImageUrl(String url) {
                  return "";
                }
              })
          .build();

  private Rendition() {}

  static boolean allowed(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mailto:");
  }

  /** The rendition as an HTML fragment: headings, lists, quotes and links, all text escaped. */
  public static String html(String markdown) {
    Node doc = PARSER.parse(markdown);
    doc.accept(new Defang());
    return HTML.render(doc);
  }

  /** Unlinks every link that is not http(s) or mailto and turns images into their text. */
  private static final class Defang extends AbstractVisitor {
    @Override
    public void visit(Link link) {
      visitChildren(link);
      if (!allowed(link.getDestination())) {
        unwrap(link);
      }
    }

    @Override
    public void visit(Image image) {
      visitChildren(image);
      unwrap(image);
    }

    private static void unwrap(Node n) {
      Node child = n.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        n.insertBefore(child);
        child = next;
      }
      n.unlink();
    }
  }

  /** What a block of the rendition is, for a reader that draws text. */
  public enum Kind {
    HEADING,
    PARAGRAPH,
    ITEM,
    QUOTE,
    CODE,
    RULE
  }

  /**
   * One block as plain text: a heading (its level as {@code #}s in {@code marker}), a paragraph, a
   * list item (with its bullet or number in {@code marker}), a quoted paragraph, a code block or a
   * rule; {@code depth} is how deep in lists and quotes it sits. {@code markdown} is the same
   * inline content as Markdown that holds nothing but escaped text and links to http, https or
   * mailto targets (no images, no raw HTML, no emphasis).
   */
  public record Block(Kind kind, String marker, int depth, String text, String markdown) {
    /** A block whose Markdown is its text, escaped (code, rules, raw HTML). */
    Block(Kind kind, String marker, int depth, String text) {
      this(kind, marker, depth, text, MarkdownText.escape(text));
    }
  }

  /** The rendition as blocks of plain text, in order. */
  public static List<Block> blocks(String markdown) {
    List<Block> out = new ArrayList<>();
    walk(PARSER.parse(markdown), out, 0, false, null);
    return out;
  }

  private static void walk(Node n, List<Block> out, int depth, boolean quoted, String marker) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Heading h) {
        out.add(inline(Kind.HEADING, "#".repeat(h.getLevel()), depth, h));
      } else if (c instanceof Paragraph p) {
        Kind k = marker != null ? Kind.ITEM : quoted ? Kind.QUOTE : Kind.PARAGRAPH;
        out.add(inline(k, marker, depth, p));
        marker = null; // a second paragraph of an item has no bullet
      } else if (c instanceof BulletList b) {
        for (Node item = b.getFirstChild(); item != null; item = item.getNext()) {
          walk(item, out, depth + 1, quoted, "•");
        }
      } else if (c instanceof OrderedList o) {
        int i = o.getStartNumber();
        for (Node item = o.getFirstChild(); item != null; item = item.getNext()) {
          walk(item, out, depth + 1, quoted, (i++) + ".");
        }
      } else if (c instanceof ListItem item) {
        walk(item, out, depth, quoted, marker);
      } else if (c instanceof BlockQuote q) {
        walk(q, out, depth + 1, true, null);
      } else if (c instanceof FencedCodeBlock f) {
        out.add(new Block(Kind.CODE, null, depth, f.getLiteral().stripTrailing()));
      } else if (c instanceof IndentedCodeBlock f) {
        out.add(new Block(Kind.CODE, null, depth, f.getLiteral().stripTrailing()));
      } else if (c instanceof HtmlBlock h) {
        out.add(new Block(Kind.PARAGRAPH, null, depth, h.getLiteral().strip()));
      } else if (c instanceof ThematicBreak) {
        out.add(new Block(Kind.RULE, null, depth, ""));
      } else {
        walk(c, out, depth, quoted, marker);
      }
    }
  }

  /** A block of inline content: its words as text, and as safe Markdown with its links. */
  private static Block inline(Kind kind, String marker, int depth, Node block) {
    StringBuilder b = new StringBuilder();
    StringBuilder md = new StringBuilder();
    block.accept(
        new AbstractVisitor() {
          void text(String s) {
            b.append(s);
            md.append(MarkdownText.escape(s, md.toString().isBlank()));
          }

          @Override
          public void visit(Text t) {
            text(t.getLiteral());
          }

          @Override
          public void visit(Code c) {
            text(c.getLiteral());
          }

          @Override
          public void visit(HtmlInline h) {
            text(h.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak s) {
            text(" ");
          }

          @Override
          public void visit(HardLineBreak h) {
            text(" ");
          }

          @Override
          public void visit(Link link) {
            String target = MarkdownText.linkTarget(link.getDestination());
            if (target == null || !allowed(target)) {
              visitChildren(link);
              return;
            }
            int start = md.length();
            md.append('[');
            int textStart = b.length();
            visitChildren(link);
            if (b.substring(textStart).isBlank()) {
              md.setLength(start);
            } else {
              md.append("](").append(target).append(')');
            }
          }
        });
    return new Block(kind, marker, depth, b.toString().strip(), md.toString().strip());
  }
}
