package dossier.service;

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
   * rule; {@code depth} is how deep in lists and quotes it sits.
   */
  public record Block(Kind kind, String marker, int depth, String text) {}

  /** The rendition as blocks of plain text, in order. */
  public static List<Block> blocks(String markdown) {
    List<Block> out = new ArrayList<>();
    walk(PARSER.parse(markdown), out, 0, false, null);
    return out;
  }

  private static void walk(Node n, List<Block> out, int depth, boolean quoted, String marker) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Heading h) {
        out.add(new Block(Kind.HEADING, "#".repeat(h.getLevel()), depth, inline(h)));
      } else if (c instanceof Paragraph p) {
        Kind k = marker != null ? Kind.ITEM : quoted ? Kind.QUOTE : Kind.PARAGRAPH;
        out.add(new Block(k, marker, depth, inline(p)));
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

  /** The text of a block's inline content, links and emphasis as their words. */
  private static String inline(Node block) {
    StringBuilder b = new StringBuilder();
    block.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            b.append(t.getLiteral());
          }

          @Override
          public void visit(Code c) {
            b.append(c.getLiteral());
          }

          @Override
          public void visit(HtmlInline h) {
            b.append(h.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak s) {
            b.append(' ');
          }

          @Override
          public void visit(HardLineBreak h) {
            b.append(' ');
          }
        });
    return b.toString().strip();
  }
}
