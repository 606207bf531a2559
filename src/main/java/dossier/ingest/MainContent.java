package dossier.ingest;

import dossier.core.Text;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector;

/**
 * Finds the main text of a page by content scoring: paragraphs vote for their ancestors by length
 * and punctuation, votes are discounted by link density and by class and id names, the best
 * container wins and its siblings that look like article text join it; boxes inside it that are
 * link lists, share bars, forms or promotions are then cleaned out. Every walk over the tree is
 * iterative, so deep nesting cannot overflow the stack.
 */
final class MainContent {
  private MainContent() {}

  // CSS queries parsed once, not on every page.
  private static final Evaluator P = Selector.evaluatorOf("p");
  private static final Evaluator STORY_HEADLINE = Selector.evaluatorOf("h1, h2, h3");
  private static final Evaluator H1 = Selector.evaluatorOf("h1");
  private static final Evaluator TEXT_BLOCKS = Selector.evaluatorOf("p, h2, h3, h4, li");
  private static final Evaluator PROSE_BLOCKS = Selector.evaluatorOf("p, h2, h3, h4");
  private static final Evaluator TOP_HEADINGS = Selector.evaluatorOf("h1, h2");
  private static final Evaluator ARTICLE = Selector.evaluatorOf("article");

  /** Names of boxes that are almost never article text. */
  static final Pattern UNLIKELY =
      Pattern.compile(
          "-ad-|ad-break|adbox|advert|agegate|ai2html|banner|breadcrumb|crumbs?(?![a-z])|combx|"
              + "comment|community|"
              + "consent|cookie|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|"
              + "newsletter|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|"
              + "sponsor|supplemental|pagination|pager|popup|promo|subscribe|signup|paywall|"
              + "share|sharing|toolbar|outbrain|taboola|recirc|most-?popular|trending|yom-remote",
          Pattern.CASE_INSENSITIVE);

  /** Names that rescue a box from {@link #UNLIKELY}: it may still be the article. */
  static final Pattern MAYBE =
      Pattern.compile(
          "and|article|body|column|content|main|shadow|story|entry|post-?text",
          Pattern.CASE_INSENSITIVE);

  static final Pattern POSITIVE =
      Pattern.compile(
          "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|"
              + "paragraph",
          Pattern.CASE_INSENSITIVE);

  static final Pattern NEGATIVE =
      Pattern.compile(
          "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|"
              + "masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
              + "skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|signup|cookie|"
              + "consent|byline|author-?(?:box|bio|info)|recommend|read-?more|more-?stories|"
              + "popular|trending|social|nav|breadcrumb|crumbs?(?![a-z])|credit|teaser|toolbar",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SHARE =
      Pattern.compile("(\\b|_)(share|sharedaddy|sharing|social)(\\b|_)", Pattern.CASE_INSENSITIVE);

  private static final Set<String> UNLIKELY_ROLES =
      Set.of(
          "menu",
          "menubar",
          "complementary",
          "navigation",
          "alert",
          "alertdialog",
          "dialog",
          "banner",
          "contentinfo",
          "search");

  private static final Set<String> REMOVE_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "object",
          "embed",
          "svg",
          "canvas",
          "link",
          "meta",
          "input",
          "textarea",
          "select",
          "button",
          "nav",
          "aside",
          "footer",
          "map",
          "audio",
          "video",
          "source",
          "head",
          "dialog",
          "math");

  private static final Set<String> BLOCK_CHILDREN =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "dd",
          "div",
          "dl",
          "dt",
          "fieldset",
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
          "hr",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "ul",
          "img",
          "center",
          "menu",
          "tr",
          "td",
          "tbody",
          "details");

  private static final Set<String> SCORED =
      Set.of("p", "pre", "td", "h2", "h3", "h4", "h5", "h6", "section", "blockquote", "li", "dd");

  /** The three passes relax what is thrown away, for pages whose first result is too short. */
  enum Pass {
    STRICT(true, true, true),
    KEEP_UNLIKELY(false, true, true),
    NO_WEIGHTS(false, false, true),
    NO_CLEANING(false, false, false);

    final boolean stripUnlikely;
    final boolean weighClasses;
    final boolean cleanConditionally;

    Pass(boolean stripUnlikely, boolean weighClasses, boolean cleanConditionally) {
      this.stripUnlikely = stripUnlikely;
      this.weighClasses = weighClasses;
      this.cleanConditionally = cleanConditionally;
    }
  }

  // Thresholds named after the Readability.js constants and literals they follow.

  /** Readability's DEFAULT_CHAR_THRESHOLD: a result shorter than this tries a relaxed pass. */
  static final int CHAR_THRESHOLD = 500;

  /** Readability's sibling test for a short paragraph: a full stop at the end or before a space. */
  private static final Pattern ENDS_SENTENCE = Pattern.compile("(?s).*\\.( .*)?$");

  /**
   * Readability skips paragraphs shorter than this when scoring ({@code innerText.length < 25}).
   */
  static final int MIN_SCORED_LENGTH = 25;

  /**
   * Readability scores a paragraph's ancestors this many levels up ({@code getNodeAncestors(, 5)}).
   */
  static final int SCORED_ANCESTOR_LEVELS = 5;

  /**
   * Readability's scoreDivider: ancestors past the grandparent get the score over level times 3.
   */
  static final double SCORE_DIVIDER_PER_LEVEL = 3.0;

  /** Readability's MINIMUM_TOPCANDIDATES: how many close rivals make their common ancestor win. */
  static final int MINIMUM_TOP_CANDIDATES = 3;

  /** Readability counts a rival as close when it scores this share of the top candidate. */
  static final double CLOSE_RIVAL_SHARE = 0.75;

  /** Readability joins siblings that score this share of the top candidate (at least 10). */
  static final double SIBLING_SCORE_SHARE = 0.2;

  /** Readability joins a sibling paragraph longer than this whose link density is below 0.25. */
  static final int SIBLING_PARAGRAPH_LENGTH = 80;

  /** Readability's link density limit for a sibling paragraph. */
  static final double SIBLING_LINK_DENSITY = 0.25;

  /**
   * A container with less text than a paragraph of prose ({@link #SIBLING_PARAGRAPH_LENGTH}) is
   * neither the article nor a rival of it, whatever its name says, when a longer one exists.
   */
  static final int MIN_TOP_LENGTH = SIBLING_PARAGRAPH_LENGTH;

  /** Deeper than any real page layout; content scoring costs grow with the depth. */
  static final int MAX_DEPTH = 512;

  /**
   * The article text's blocks with their structure, or an empty list when the page has none; {@code
   * summaries} being what the page says it is about (its meta descriptions): a standfirst that
   * repeats one of them opens the text.
   */
  static List<PageText.Block> blocks(Document original, String title, List<String> summaries) {
    List<String> words = summaryWords(summaries);
    if (original.body() != null && deeperThan(original.body(), MAX_DEPTH)) {
      // A page nested thousands of levels deep is hostile or broken, not a layout to score:
      // its text is taken as it stands, which stays linear in the size of the page.
      return PageText.blocks(original.body());
    }
    List<PageText.Block> best = List.of();
    int bestLen = -1;
    int available = -1;
    for (Pass pass : Pass.values()) {
      if (bestLen >= 0) {
        // Relaxed passes only help when the page holds much more text than was found.
        if (available < 0) {
          available = original.body() == null ? 0 : original.body().text().length();
        }
        if (available <= bestLen * 1.25 + 50) {
          break;
        }
      }
      Document doc = pass == Pass.NO_CLEANING ? original : original.clone();
      Element article = find(doc, title, words, pass);
      List<PageText.Block> paras = article == null ? List.of() : PageText.blocks(article);
      int len = 0;
      for (PageText.Block p : paras) {
        len += p.text().length();
      }
      if (len > bestLen) {
        best = paras;
        bestLen = len;
      }
      if (len >= CHAR_THRESHOLD) {
        break;
      }
    }
    return best;
  }

  /** True when some element lies more than {@code max} levels below {@code root}. */
  static boolean deeperThan(Element root, int max) {
    boolean[] deep = {false};
    org.jsoup.select.NodeTraversor.filter(
        new org.jsoup.select.NodeFilter() {
          @Override
          public FilterResult head(org.jsoup.nodes.Node node, int depth) {
            if (depth > max) {
              deep[0] = true;
              return FilterResult.STOP;
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    return deep[0];
  }

  /**
   * {@code summaries} are the words of the page's summaries ({@link #summaryWords}), which name its
   * standfirst.
   */
  static Element find(Document doc, String title, List<String> summaries, Pass pass) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    if (pass.stripUnlikely) {
      rescueSummary(body, summaries);
    }
    prepare(body, pass);
    Stats stats = Stats.of(body);
    Map<Element, double[]> scores = new IdentityHashMap<>();
    List<Element> candidates = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (!SCORED.contains(e.normalName())) {
        continue;
      }
      int len = stats.len(e);
      if (len < MIN_SCORED_LENGTH) {
        continue;
      }
      // Container-level lists and sections vote only through their own paragraphs.
      String tag = e.normalName();
      if (!tag.equals("p") && !tag.equals("pre") && !tag.startsWith("h") && stats.hasBlock(e)) {
        continue;
      }
      double score = 1 + stats.get(e, Stats.COMMAS) + Math.min(len / 100, 3);
      Element anc = e.parent();
      for (int level = 0;
          anc != null && level < SCORED_ANCESTOR_LEVELS;
          level++, anc = anc.parent()) {
        if (anc.parent() == null || anc == doc) {
          break;
        }
        double[] s = scores.get(anc);
        if (s == null) {
          s = new double[] {initialScore(anc, pass)};
          scores.put(anc, s);
          candidates.add(anc);
        }
        s[0] +=
            level == 0 ? score : level == 1 ? score / 2 : score / (level * SCORE_DIVIDER_PER_LEVEL);
      }
    }
    Element top = null;
    double topScore = 0;
    boolean anyLong = false;
    // Each length once: a candidate above the body (the html element) has no stats, and its
    // length is its whole text.
    int[] lens = new int[candidates.size()];
    for (int i = 0; i < lens.length; i++) {
      lens[i] = stats.len(candidates.get(i));
      anyLong |= lens[i] >= MIN_TOP_LENGTH;
    }
    for (int i = 0; i < lens.length; i++) {
      Element c = candidates.get(i);
      double[] s = scores.get(c);
      s[0] *= 1 - stats.linkDensity(c);
      if (anyLong && lens[i] < MIN_TOP_LENGTH) {
        // a box named like content with a line of text in it ("breaking-news-content") wins by
        // its name alone; it can be neither the article nor a rival of it
        continue;
      }
      if (top == null || s[0] > topScore) {
        top = c;
        topScore = s[0];
      }
    }
    if (top == null || top == body) {
      return body;
    }
    top = promote(top, topScore, candidates, scores, stats, body);
    Element story = storyOfTitle(top, title, stats);
    if (story != null) {
      // One story of a page of several: it holds its own headline and lede, and its neighbours
      // are the other stories.
      Element article = doc.createElement("div");
      article.appendChild(story);
      clean(article, title, summaries, pass);
      return article;
    }
    // Where the best container stood: the lede is searched for before it once the sibling pass
    // has taken what it keeps.
    Element mark = top.parent() == null ? null : doc.createElement("span");
    if (mark != null) {
      top.before(mark);
    }
    int topLen = stats.len(top);
    Element article = gatherSiblings(doc, top, scores, stats, pass);
    List<Element> lede = mark == null ? List.of() : lede(mark, topLen, stats, body, pass);
    Element summary =
        mark == null ? null : summaryStandfirst(mark, article, lede, summaries, stats, body);
    if (mark != null) {
      mark.remove();
    }
    clean(article, title, summaries, pass);
    for (int i = lede.size() - 1; i >= 0; i--) {
      article.prependChild(lede.get(i));
    }
    if (summary != null) {
      article.prependChild(summary);
    }
    return article;
  }

  /**
   * Of a container that holds several stories (two {@code article} boxes or more, one inside no
   * other, each with text of its own), the one whose headline is the page's title; null when the
   * container is one story or none of its headlines is the title. A page of short news items puts
   * the one its address names first or among the others, and the others are not its text.
   */
  static Element storyOfTitle(Element top, String title, Stats stats) {
    if (title == null || title.isBlank()) {
      return null;
    }
    List<Element> stories = new ArrayList<>();
    for (Element a : top.select(ARTICLE)) {
      if (a == top || stats.len(a) < MIN_TOP_LENGTH) {
        continue;
      }
      boolean inner = false;
      for (Element p = a.parent(); p != null && p != top; p = p.parent()) {
        if (p.normalName().equals("article")) {
          inner = true;
          break;
        }
      }
      if (!inner) {
        stories.add(a);
      }
    }
    if (stories.size() < 2) {
      return null;
    }
    String t = Text.words(title);
    for (Element a : stories) {
      Element h = a.selectFirst(STORY_HEADLINE);
      if (h == null) {
        continue;
      }
      String ht = Text.words(h.text());
      if (!ht.isEmpty() && (ht.equals(t) || similar(ht, t) > 0.75 && similar(t, ht) > 0.75)) {
        return a;
      }
    }
    return null;
  }

  /**
   * Moves up from the best container when several strong candidates sit under one ancestor (the
   * text is split into columns or blocks), or when the parent scores better still.
   */
  private static Element promote(
      Element top,
      double topScore,
      List<Element> candidates,
      Map<Element, double[]> scores,
      Stats stats,
      Element body) {
    List<Element> alternatives = new ArrayList<>();
    for (Element c : candidates) {
      if (c != top
          && scores.get(c)[0] >= topScore * CLOSE_RIVAL_SHARE
          && stats.len(c) >= MIN_TOP_LENGTH) {
        alternatives.add(c);
      }
    }
    if (alternatives.size() >= MINIMUM_TOP_CANDIDATES) {
      int level = 0;
      for (Element p = top.parent();
          p != null && p != body && level < 20;
          p = p.parent(), level++) {
        int within = 0;
        for (Element a : alternatives) {
          if (isAncestor(p, a)) {
            within++;
          }
        }
        if (within >= MINIMUM_TOP_CANDIDATES) {
          top = p;
          break;
        }
      }
    }
    double last = scoreOf(scores, top);
    double threshold = last / 3;
    for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
      double[] s = scores.get(p);
      if (s == null) {
        continue;
      }
      if (s[0] < threshold) {
        break;
      }
      if (s[0] > last) {
        top = p;
        break;
      }
      last = s[0];
    }
    while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  private static double scoreOf(Map<Element, double[]> scores, Element e) {
    double[] s = scores.get(e);
    return s == null ? 0 : s[0];
  }

  private static boolean isAncestor(Element anc, Element e) {
    int level = 0;
    for (Element p = e.parent(); p != null && level < 40; p = p.parent(), level++) {
      if (p == anc) {
        return true;
      }
    }
    return false;
  }

  private static Element gatherSiblings(
      Document doc, Element top, Map<Element, double[]> scores, Stats stats, Pass pass) {
    Element parent = top.parent();
    Element article = doc.createElement("div");
    if (parent == null || parent.normalName().equals("html")) {
      article.appendChild(top);
      return article;
    }
    double topScore = scoreOf(scores, top);
    double threshold = Math.max(10, topScore * SIBLING_SCORE_SHARE);
    String topClass = top.className();
    for (Element sib : new ArrayList<>(parent.children())) {
      boolean keep = sib == top;
      if (!keep) {
        double bonus = 0;
        if (!topClass.isEmpty() && sib.className().equals(topClass)) {
          bonus = topScore * 0.2;
        }
        double[] s = scores.get(sib);
        if (s != null && s[0] + bonus >= threshold) {
          keep = true;
        } else if (sib.normalName().equals("p")) {
          int len = stats.len(sib);
          double ld = stats.linkDensity(sib);
          String text = sib.text();
          if (len > SIBLING_PARAGRAPH_LENGTH && ld < SIBLING_LINK_DENSITY) {
            keep = true;
          } else if (len > 0
              && len <= SIBLING_PARAGRAPH_LENGTH
              && ld == 0
              && ENDS_SENTENCE.matcher(text).matches()) {
            keep = true;
          }
        }
      }
      if (keep) {
        article.appendChild(sib);
      }
    }
    return article;
  }

  /** Ancestors above the best container searched for a lede that sits in a box of its own. */
  static final int LEDE_LEVELS = 8;

  /** A paragraph of the lede has at least this many characters, as the sibling pass asks. */
  static final int LEDE_MIN_LENGTH = SIBLING_PARAGRAPH_LENGTH;

  /**
   * The opening paragraphs that a page keeps apart from its body (an intro, standfirst or summary
   * box, or the first of several text sections split by figures): the text paragraphs that come
   * before the best container under its nearest ancestors, back to the headline. A box with text
   * but no such paragraph (a link list, a teaser) ends the search, and so does the headline.
   */
  private static List<Element> lede(
      Element mark, int topLen, Stats stats, Element body, Pass pass) {
    List<Element> out = new ArrayList<>();
    int total = 0;
    Element path = mark;
    for (int level = 0; path != null && path != body && level < LEDE_LEVELS; level++) {
      for (Element sib = path.previousElementSibling();
          sib != null;
          sib = sib.previousElementSibling()) {
        Element h1 = sib.selectFirst(H1);
        if (h1 != null) {
          // the box of the headline: its standfirst, if it has one, opens the text
          out.addAll(0, standfirst(sib, h1, stats, pass));
          return out;
        }
        String tag = sib.normalName();
        if (stats.len(sib) < 25
            || tag.equals("figure")
            || tag.equals("header")
            || tag.equals("form")
            || pass.weighClasses && classWeight(sib) < 0) {
          continue;
        }
        List<Element> paras = new ArrayList<>();
        for (Element p : tag.equals("p") ? List.of(sib) : sib.select(PROSE_BLOCKS)) {
          if (isLedeParagraph(p, stats)) {
            paras.add(p);
          }
        }
        if (paras.isEmpty()) {
          return out;
        }
        for (Element p : paras) {
          total += stats.len(p);
        }
        if (total > Math.max(topLen, 2000)) {
          return out;
        }
        out.addAll(0, paras);
      }
      path = path.parent();
    }
    return out;
  }

  /**
   * The standfirst that the page's summary names: the last paragraph or heading before the best
   * container, outside it and its lede, whose text is one of {@code summaries} (a meta description,
   * which may be cut short in the middle of a word), {@link #LEDE_MIN_LENGTH} characters or more,
   * few of them links, outside figures; null when there is none or a paragraph of the text opens
   * with its words. A standfirst set in a box of its own between the headline and the text (a
   * "chapo", an intro, a dek under the headline's photo) is what the page itself offers as its
   * summary, so it is the opening of the article whatever boxes stand between it and the body.
   */
  private static Element summaryStandfirst(
      Element mark,
      Element article,
      List<Element> lede,
      List<String> summaries,
      Stats stats,
      Element body) {
    if (summaries.isEmpty()) {
      return null;
    }
    int longest = longest(summaries);
    Element found = null;
    for (Element e : body.getAllElements()) {
      if (e == mark) {
        break;
      }
      String tag = e.normalName();
      boolean leaf =
          tag.equals("p")
              || tag.equals("h2")
              || tag.equals("h3")
              || tag.equals("h4")
              || tag.equals("div") && !stats.hasBlock(e);
      int len = stats.len(e);
      if (!leaf
          || len < LEDE_MIN_LENGTH
          || len > 2 * longest + 40
          || stats.linkDensity(e) >= SIBLING_LINK_DENSITY
          || within(e, "figure", LEDE_LEVELS)
          || within(e, "figcaption", LEDE_LEVELS)) {
        continue;
      }
      if (isSummary(Text.words(e.text()), summaries)) {
        found = e;
      }
    }
    if (found == null) {
      return null;
    }
    for (Element l : lede) {
      if (l == found || isAncestor(l, found) || isAncestor(found, l)) {
        return null;
      }
    }
    // the text may open with the same words as a paragraph of its own
    String words = Text.words(found.text());
    for (Element p : article.select(TEXT_BLOCKS)) {
      if (stats.len(p) >= LEDE_MIN_LENGTH && Text.words(p.text()).startsWith(words)) {
        return null;
      }
    }
    return found;
  }

  /** The words of each summary ({@link #normalize}) that is long enough to name a standfirst. */
  static List<String> summaryWords(List<String> summaries) {
    List<String> out = new ArrayList<>(summaries.size());
    for (String s : summaries) {
      String n = s == null ? "" : Text.words(s);
      if (n.length() >= LEDE_MIN_LENGTH && !out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private static int longest(List<String> words) {
    int longest = 0;
    for (String w : words) {
      longest = Math.max(longest, w.length());
    }
    return longest;
  }

  /**
   * Takes the paragraph or heading that repeats a summary out of a box that the strict passes strip
   * by its name (a headline's box named "header", "hero" or "top"), to stand just before the box:
   * the standfirst is text however its box is named.
   */
  private static void rescueSummary(Element body, List<String> summaries) {
    if (summaries.isEmpty()) {
      return;
    }
    int longest = longest(summaries);
    for (Element e : body.getAllElements()) {
      String tag = e.normalName();
      if (!(tag.equals("p") || tag.equals("h2") || tag.equals("h3") || tag.equals("h4"))) {
        continue;
      }
      String text = e.text();
      if (text.length() < LEDE_MIN_LENGTH
          || text.length() > 2 * longest + 40
          || !isSummary(Text.words(text), summaries)) {
        continue;
      }
      Element outer = null;
      for (Element a = e.parent(); a != null && a != body; a = a.parent()) {
        if (isUnlikely(names(a)) && !STRIPPED_NEVER.contains(a.normalName())) {
          outer = a;
        }
      }
      if (outer != null) {
        outer.before(e);
      }
      return;
    }
  }

  /** Boxes that the strict passes keep whatever their names say. */
  private static final Set<String> STRIPPED_NEVER =
      Set.of("article", "main", "a", "table", "tbody", "tr", "td", "body");

  /**
   * Whether a block's words {@code block} are the summary {@code summary}: the same, or the summary
   * cut short (its last word perhaps cut in two) with the block going on from it.
   */
  static boolean repeatsSummary(String block, String summary) {
    if (block.equals(summary)) {
      return true;
    }
    int cut = summary.lastIndexOf(' ');
    return cut >= LEDE_MIN_LENGTH && block.startsWith(summary.substring(0, cut + 1));
  }

  /** Paragraphs of a standfirst at most: a summary, not a section of text. */
  static final int STANDFIRST_PARAGRAPHS = 3;

  /**
   * The standfirst in the headline's box: the lede paragraphs ({@link #isLedeParagraph}) that come
   * after the headline {@code h1} inside {@code box}, outside boxes named like furniture, at most
   * {@link #STANDFIRST_PARAGRAPHS} of them; a heading counts when it is written as a sentence. A
   * date or a share bar there is shorter than a paragraph of prose, and an author's line ("By Ada
   * Lind, who covers ...") is not taken.
   */
  private static List<Element> standfirst(Element box, Element h1, Stats stats, Pass pass) {
    List<Element> out = new ArrayList<>();
    boolean after = false;
    for (Element e : box.getAllElements()) {
      if (e == h1) {
        after = true;
        continue;
      }
      String tag = e.normalName();
      if (!after
          || !(tag.equals("p") || tag.equals("h2") || tag.equals("h3"))
          || isAncestor(h1, e)) {
        continue;
      }
      if (pass.weighClasses && classWeight(e) < 0
          || !isLedeParagraph(e, stats)
          || Bylines.startsWithBy(e.text())) {
        continue;
      }
      boolean inFurniture = false;
      for (Element a = e.parent(); a != null && a != box; a = a.parent()) {
        if (pass.weighClasses && classWeight(a) < 0) {
          inFurniture = true;
          break;
        }
      }
      if (!inFurniture) {
        out.add(e);
        if (out.size() == STANDFIRST_PARAGRAPHS) {
          break;
        }
      }
    }
    return out;
  }

  /**
   * A paragraph of {@link #LEDE_MIN_LENGTH} characters or more, few of them links, outside figures;
   * a heading counts when it is written as a sentence (a standfirst set as a heading).
   */
  private static boolean isLedeParagraph(Element p, Stats stats) {
    if (stats.len(p) < LEDE_MIN_LENGTH || stats.linkDensity(p) >= SIBLING_LINK_DENSITY) {
      return false;
    }
    if (!p.normalName().equals("p") && !Furniture.endsSentence(p.text())) {
      return false;
    }
    for (Element a = p.parent(); a != null; a = a.parent()) {
      String tag = a.normalName();
      if (tag.equals("figure") || tag.equals("figcaption") || tag.equals("body")) {
        return !tag.equals("figure") && !tag.equals("figcaption");
      }
    }
    return true;
  }

  /** Strips scripts, hidden boxes and (in the strict pass) boxes named like page furniture. */
  private static void prepare(Element body, Pass pass) {
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e)) {
              return node.nodeName().equals("#comment")
                  ? FilterResult.REMOVE
                  : FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            if (REMOVE_TAGS.contains(tag) || isHidden(e)) {
              return FilterResult.REMOVE;
            }
            if (pass.stripUnlikely && depth > 0 && !STRIPPED_NEVER.contains(tag)) {
              String role = e.attr("role");
              if (UNLIKELY_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
                return FilterResult.REMOVE;
              }
              if (isUnlikely(names(e)) && !isGatedText(e)) {
                return FilterResult.REMOVE;
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        body);
    divsToParagraphs(body);
  }

  /** Names of a box that holds text kept for subscribers: the rest of the article, not a prompt. */
  private static final Pattern GATED =
      Pattern.compile(
          "paywall|premium|subscriber-?(?:only|content)|(?:locked|gated|metered)-?(?:content|text)",
          Pattern.CASE_INSENSITIVE);

  /**
   * True when a box named like a paywall holds the article's prose: paragraphs of {@link
   * #LEDE_MIN_LENGTH} characters or more, {@link #PROSE_KEEPS_BOX} characters of them at least.
   * Pages wrap the text past the fold in such a box; the paywall's own prompt is a line or two.
   */
  private static boolean isGatedText(Element e) {
    if (!GATED.matcher(names(e)).find()) {
      return false;
    }
    int prose = 0;
    for (Element p : e.select(P)) {
      int len = p.text().length();
      if (len >= LEDE_MIN_LENGTH) {
        prose += len;
        if (prose >= PROSE_KEEPS_BOX) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Class and id of an element as one string for name matching. Ids made from a heading ("sharing-
   * with-a-single-developer") say nothing about the box and are left out.
   */
  static String names(Element e) {
    return e.className() + " " + slugFree(e.id());
  }

  private static String slugFree(String id) {
    int seps = 0;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '-' || c == '_') {
        seps++;
      }
    }
    return seps >= 3 ? "" : id;
  }

  static boolean isHidden(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    if ("true".equals(e.attr("aria-hidden")) && !e.className().contains("fallback-image")) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty()) {
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      return s.contains("display:none") || s.contains("visibility:hidden");
    }
    return false;
  }

  /**
   * The elements under {@code root}, and {@code root}, with a block element somewhere below them:
   * {@link Stats#hasBlock} without the counts, which this pass does not need.
   */
  static Set<Element> blockHolders(Element root) {
    Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {}

          @Override
          public void tail(Node node, int depth) {
            if (node != root
                && node instanceof Element e
                && (out.contains(e) || BLOCK_CHILDREN.contains(e.normalName()))) {
              out.add(e.parent());
            }
          }
        },
        root);
    return out;
  }

  /**
   * A div holding only phrasing content is a paragraph; in a div that mixes blocks and loose text,
   * each run of loose text becomes a paragraph so that it can be scored.
   */
  private static void divsToParagraphs(Element body) {
    Set<Element> holders = blockHolders(body);
    for (Element e : body.getAllElements()) {
      if (!e.normalName().equals("div")) {
        continue;
      }
      if (!holders.contains(e)) {
        e.tagName("p");
        continue;
      }
      List<Node> run = new ArrayList<>();
      for (Node child : new ArrayList<>(e.childNodes())) {
        boolean phrasing =
            child instanceof TextNode
                || (child instanceof Element ce && !BLOCK_CHILDREN.contains(ce.normalName()));
        if (phrasing) {
          run.add(child);
        } else {
          wrap(run);
        }
      }
      wrap(run);
    }
  }

  private static void wrap(List<Node> run) {
    boolean hasText = false;
    for (Node n : run) {
      if (n instanceof TextNode t ? !t.isBlank() : n instanceof Element el && el.hasText()) {
        hasText = true;
        break;
      }
    }
    if (hasText) {
      Element p = new Element("p");
      run.get(0).before(p);
      for (Node n : run) {
        p.appendChild(n);
      }
    }
    run.clear();
  }

  private static double initialScore(Element e, Pass pass) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return s + (pass.weighClasses ? classWeight(e) : 0);
  }

  static int classWeight(Element e) {
    return nameWeight(e.className()) + nameWeight(slugFree(e.id()));
  }

  /*
   * Pages repeat a few hundred class names over thousands of elements, and the name patterns are
   * the costliest step of scoring, so their verdicts are kept per name (a bounded cache: past the
   * limit it starts over).
   */
  private static final int NAME_CACHE_LIMIT = NameVerdicts.LIMIT;
  private static final Map<String, Integer> WEIGHTS = new ConcurrentHashMap<>();
  private static final NameVerdicts UNLIKELY_NAMES =
      new NameVerdicts(names -> UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find());

  private static int nameWeight(String name) {
    if (name.isEmpty()) {
      return 0;
    }
    Integer w = WEIGHTS.get(name);
    if (w == null) {
      w = (NEGATIVE.matcher(name).find() ? -25 : 0) + (POSITIVE.matcher(name).find() ? 25 : 0);
      if (WEIGHTS.size() >= NAME_CACHE_LIMIT) {
        WEIGHTS.clear();
      }
      WEIGHTS.put(name, w);
    }
    return w;
  }

  /** Names of a box the strict pass drops: named like furniture and not like the article. */
  private static boolean isUnlikely(String names) {
    if (names.length() <= 1) {
      return false;
    }
    return UNLIKELY_NAMES.test(names);
  }

  static int commas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c' || c == '\ufe50') {
        n++;
      }
    }
    return n;
  }

  private static final Set<String> CLEANED_BOXES = Set.of("form", "fieldset", "table", "ul", "div");

  /** Removes boxes inside the article that are furniture rather than text. */
  private static void clean(Element article, String title, List<String> summaries, Pass pass) {
    Stats stats = Stats.of(article);
    List<Element> all = article.getAllElements();
    // Reverse document order: inner boxes are judged before the boxes around them.
    for (int i = all.size() - 1; i > 0; i--) {
      Element e = all.get(i);
      if (e.parent() == null) {
        continue;
      }
      String tag = e.normalName();
      String names = names(e);
      if (SHARE.matcher(names).find() && stats.len(e) < 500) {
        e.remove();
        continue;
      }
      if ((tag.equals("h1") || tag.equals("h2")) && pass.weighClasses && classWeight(e) < 0) {
        e.remove();
        continue;
      }
      if (pass.cleanConditionally
          && CLEANED_BOXES.contains(tag)
          && shouldRemove(e, stats, pass)
          && !holdsProse(e, stats)
          && !isQuotedPost(e, stats)) {
        e.remove();
      }
    }
    removeTitleHeading(article, title, summaries);
  }

  /** Class of the block quote a social network's embed code writes: the post, quoted as text. */
  private static final Pattern QUOTED_POST = Pattern.compile("tweet", Pattern.CASE_INSENSITIVE);

  /**
   * True when a box is a quoted post (the block quote of a post's embed code and little else): the
   * words the article quotes, however many links the post's handle and date make.
   */
  private static boolean isQuotedPost(Element e, Stats stats) {
    int len = stats.len(e);
    if (len == 0) {
      return false;
    }
    for (Element q : e.getElementsByTag("blockquote")) {
      if (QUOTED_POST.matcher(q.className()).find()) {
        return stats.len(q) * 10 >= len * 8;
      }
    }
    return false;
  }

  /** Text in paragraphs of this many characters or more keeps a box through the cleaning. */
  static final int PROSE_KEEPS_BOX = 500;

  /**
   * True when a box holds the article's prose: long paragraphs of few links, {@link
   * #PROSE_KEEPS_BOX} characters of them at least, and most of the box's text. A byline, share bar
   * or link column beside a section of the article must not take the section down with it.
   */
  private static boolean holdsProse(Element e, Stats stats) {
    int len = stats.len(e);
    if (len < PROSE_KEEPS_BOX || e.normalName().equals("form")) {
      return false;
    }
    int prose = 0;
    for (Element p : e.select(P)) {
      if (stats.len(p) >= LEDE_MIN_LENGTH
          && stats.linkDensity(p) < 0.25
          && !within(p, "figure", 8)) {
        prose += stats.len(p);
      }
    }
    return prose >= PROSE_KEEPS_BOX && prose * 2 > len;
  }

  // Readability's _cleanConditionally, literal by literal.

  /** A box with this many commas is prose and stays. */
  static final int CLEAN_KEEP_COMMAS = 10;

  /** Fewer paragraphs per image than this (with two images or more) make an image box. */
  static final double CLEAN_PARAGRAPHS_PER_IMAGE = 0.5;

  /** A box with less text than this (and not mostly a heading) is furniture. */
  static final int CLEAN_MIN_LENGTH = 25;

  /** A box whose text is at least this share heading is a heading, whatever its length. */
  static final double CLEAN_HEADING_DENSITY = 0.9;

  /** Class and id weight from which a box counts as named like content. */
  static final int CLEAN_GOOD_WEIGHT = 25;

  /** Link density over which a box not named like content goes. */
  static final double CLEAN_LINK_DENSITY = 0.2;

  /** Link density over which even a box named like content goes. */
  static final double CLEAN_GOOD_LINK_DENSITY = 0.5;

  /** A single embed with less text around it than this is a player box. */
  static final int CLEAN_EMBED_LENGTH = 75;

  private static boolean shouldRemove(Element e, Stats stats, Pass pass) {
    String tag = e.normalName();
    int weight = pass.weighClasses ? classWeight(e) : 0;
    if (tag.equals("table") && isDataTable(e, stats)) {
      return false;
    }
    if (weight < 0) {
      return true;
    }
    if (isCodeBlock(e, stats)) {
      return false;
    }
    if (stats.get(e, Stats.COMMAS) >= CLEAN_KEEP_COMMAS) {
      return false;
    }
    boolean isList = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
    int p = stats.get(e, Stats.P);
    int img = stats.get(e, Stats.IMG);
    int li = stats.get(e, Stats.LI) - 100;
    int input = stats.get(e, Stats.INPUT);
    int embeds = stats.get(e, Stats.EMBEDS);
    int headingLen = stats.get(e, Stats.HEADING);
    int len = stats.len(e);
    double ld = stats.linkDensity(e);
    double headingDensity = len == 0 ? 0 : headingLen / (double) len;
    boolean inFigure = within(e, "figure", 12);
    if (img > 1 && p / (double) img < CLEAN_PARAGRAPHS_PER_IMAGE && !inFigure) {
      return true;
    }
    if (!isList && li > p) {
      return true;
    }
    if (input > Math.floor(p / 3.0)) {
      return true;
    }
    if (!isList
        && headingDensity < CLEAN_HEADING_DENSITY
        && len < CLEAN_MIN_LENGTH
        && (img == 0 || img > 2)
        && !inFigure) {
      return true;
    }
    if (!isList && weight < CLEAN_GOOD_WEIGHT && ld > CLEAN_LINK_DENSITY) {
      return true;
    }
    if (weight >= CLEAN_GOOD_WEIGHT && ld > CLEAN_GOOD_LINK_DENSITY) {
      return true;
    }
    if ((embeds == 1 && len < CLEAN_EMBED_LENGTH) || embeds > 1) {
      return true;
    }
    return false;
  }

  /**
   * A box that is only a preformatted block (a shell command, a config file): code is the article's
   * text however short it is, and has neither paragraphs nor commas to be scored by.
   */
  private static boolean isCodeBlock(Element e, Stats stats) {
    int len = stats.len(e);
    return len > 0 && Math.min(stats.get(e, Stats.CODE), len) * 10 >= len * 9;
  }

  private static boolean within(Element e, String tag, int levels) {
    Element p = e;
    for (int i = 0; p != null && i < levels; i++, p = p.parent()) {
      if (p.normalName().equals(tag)) {
        return true;
      }
    }
    return false;
  }

  /** A table of data (headers, a caption, many cells) rather than one used for layout. */
  private static boolean isDataTable(Element table, Stats stats) {
    if (table.attr("role").equals("presentation") || table.attr("datatable").equals("0")) {
      return false;
    }
    if (!table.attr("summary").isEmpty() || stats.get(table, Stats.TABLE_MARKS) > 0) {
      return true;
    }
    if (stats.get(table, Stats.TABLES) > 1) {
      return false; // tables inside tables are layout
    }
    int rows = stats.get(table, Stats.ROWS);
    int cells = stats.get(table, Stats.CELLS);
    int cols = rows == 0 ? 0 : (cells + rows - 1) / rows;
    return rows >= 10 || cols > 4 || rows * cols > 10;
  }

  /** The page's headline repeated at the top of the text is the title, not a paragraph. */
  private static void removeTitleHeading(Element article, String title, List<String> summaries) {
    if (title == null || title.isBlank()) {
      return;
    }
    String t = Text.words(title);
    for (Element h : article.select(TOP_HEADINGS)) {
      String ht = Text.words(h.text());
      if (!ht.isEmpty() && (ht.equals(t) || similar(ht, t) > 0.75)) {
        h.remove();
        break;
      }
    }
    // A headline written longer than the title the page's metadata gives ("Ada Lind should be
    // able to finish the season, claims ..." over "Ada Lind would be right to finish season"):
    // the heading that opens the text, before any paragraph, with most of the title's words.
    for (Element e : article.getAllElements()) {
      String tag = e.normalName();
      if (tag.equals("h1") || tag.equals("h2")) {
        String ht = Text.words(e.text());
        if (similar(ht, t) >= OPENING_HEADLINE_LIKENESS && !isSummary(ht, summaries)) {
          e.remove();
        }
        return;
      }
      if ((tag.equals("p") || tag.equals("li")) && e.text().length() >= MIN_SCORED_LENGTH) {
        return;
      }
    }
  }

  /**
   * Whether {@code words} (normalized) repeat one of the page's summaries: a standfirst set as a
   * heading, which shares the headline's words but is not the headline.
   */
  private static boolean isSummary(String words, List<String> summaries) {
    if (words.length() < LEDE_MIN_LENGTH) {
      return false;
    }
    for (String s : summaries) {
      if (repeatsSummary(words, s)) {
        return true;
      }
    }
    return false;
  }

  /** Share of the title's words (by length) in a heading that opens the text: the headline. */
  static final double OPENING_HEADLINE_LIKENESS = 0.5;

  /** Share of the words of {@code b} that are also in {@code a}, by length. */
  static double similar(String a, String b) {
    List<String> wa = List.of(a.split(" "));
    int total = 0;
    int missing = 0;
    for (String w : b.split(" ")) {
      total += w.length();
      if (!wa.contains(w)) {
        missing += w.length();
      }
    }
    return total == 0 ? 0 : 1 - missing / (double) total;
  }

  /**
   * Per-element counts under a root, computed bottom-up in one pass: text length, link text length,
   * whether it holds blocks, commas, and the paragraphs, images, list items, form inputs, embeds
   * and heading text inside it.
   */
  static final class Stats {
    static final int LEN = 0;
    static final int LINK = 1;
    static final int BLOCK = 2;
    static final int COMMAS = 3;
    static final int P = 4;
    static final int IMG = 5;
    static final int LI = 6;
    static final int INPUT = 7;
    static final int EMBEDS = 8;
    static final int HEADING = 9;
    static final int TABLE_MARKS = 10;
    static final int TABLES = 11;
    static final int ROWS = 12;
    static final int CELLS = 13;
    static final int CODE = 14;
    private static final int SIZE = 15;

    private final Map<Element, int[]> map = new IdentityHashMap<>();

    static Stats of(Element root) {
      Stats s = new Stats();
      Deque<int[]> open = new ArrayDeque<>();
      NodeTraversor.traverse(
          new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
              if (node instanceof Element) {
                open.push(new int[SIZE]);
              } else if (node instanceof TextNode t && !open.isEmpty()) {
                countText(t.getWholeText(), open.peek());
              }
            }

            @Override
            public void tail(Node node, int depth) {
              if (!(node instanceof Element e)) {
                return;
              }
              int[] v = open.pop();
              switch (e.normalName()) {
                case "a" -> v[LINK] = v[LEN];
                case "p" -> v[P]++;
                case "img" -> v[IMG]++;
                case "li" -> v[LI]++;
                case "input", "select", "textarea" -> v[INPUT]++;
                case "embed", "object", "iframe", "video" -> v[EMBEDS]++;
                case "h1", "h2", "h3", "h4", "h5", "h6" -> v[HEADING] = v[LEN];
                case "caption", "th", "thead", "tfoot", "col", "colgroup" -> v[TABLE_MARKS]++;
                case "table" -> v[TABLES]++;
                case "tr" -> v[ROWS]++;
                case "td" -> v[CELLS]++;
                case "pre" -> v[CODE] = v[LEN];
                default -> {}
              }
              s.map.put(e, v);
              int[] parent = open.peek();
              if (parent != null) {
                for (int k = 0; k < SIZE; k++) {
                  if (k != BLOCK) {
                    parent[k] += v[k];
                  }
                }
                if (v[BLOCK] != 0 || BLOCK_CHILDREN.contains(e.normalName())) {
                  parent[BLOCK] = 1;
                }
              }
            }
          },
          root);
      return s;
    }

    /** Adds the collapsed length and the commas of a text node's text. */
    private static void countText(String text, int[] v) {
      int n = 0;
      int commas = 0;
      boolean space = true;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          if (!space) {
            n++;
            space = true;
          }
        } else {
          n++;
          space = false;
          if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c' || c == '\ufe50') {
            commas++;
          }
        }
      }
      v[LEN] += n;
      v[COMMAS] += commas;
    }

    int get(Element e, int field) {
      int[] v = map.get(e);
      return v == null ? 0 : v[field];
    }

    int len(Element e) {
      int[] v = map.get(e);
      return v == null ? e.text().length() : v[LEN];
    }

    boolean hasBlock(Element e) {
      int[] v = map.get(e);
      return v != null && v[BLOCK] != 0;
    }

    double linkDensity(Element e) {
      int[] v = map.get(e);
      if (v == null || v[LEN] == 0) {
        return 0;
      }
      return v[LINK] / (double) v[LEN];
    }
  }
}
