package dossier.ingest;

import dossier.core.Extracted;
import dossier.core.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector;

/**
 * Saved web pages: metadata from JSON-LD, meta tags and the page ({@link PageMetadata}), the
 * article text by content scoring ({@link MainContent}), then a last pass that drops furniture
 * lines the page did not mark up as such.
 */
final class HtmlExtractor {
  private HtmlExtractor() {}

  // CSS queries parsed once, not on every page.
  private static final Evaluator MAIN_BOX = Selector.evaluatorOf("main, [role=main]");
  private static final Evaluator ARTICLE = Selector.evaluatorOf("article");
  private static final Evaluator FIGCAPTIONS = Selector.evaluatorOf("figcaption, .wp-caption-text");
  private static final Evaluator MICRODATA_SUMMARY =
      Selector.evaluatorOf("[itemprop=description], [itemprop=alternativeHeadline]");

  static Extracted extract(String html) {
    Document doc = Jsoup.parse(html);
    PageMetadata meta = PageMetadata.read(doc);
    String caption = leadCaption(doc);
    List<PageText.Block> paras = MainContent.blocks(doc, meta.title, summaries(doc, meta));
    List<PageText.Block> body = new ArrayList<>(paras.size());
    String normTitle = meta.title == null ? "" : Text.words(meta.title);
    String normCaption = caption == null ? "" : Text.words(caption);
    CaptionSet captions = figureCaptions(doc, meta);
    boolean inRelatedList = false;
    boolean inBrowserSteps = false;
    for (int bi = 0; bi < paras.size(); bi++) {
      PageText.Block block = paras.get(bi);
      String p = block.text();
      if (!normCaption.isEmpty()
          && p.length() < 600
          && isLeadCaption(Text.words(p), p, normCaption)) {
        continue; // the lead photo's caption is kept in caption, not twice
      }
      if (block.kind() == PageText.Kind.CODE) {
        // A code block's lines are code however they look ("[extensions]", "$ make"): the
        // furniture lines are prose lines.
        body.add(block);
        inRelatedList = false;
        continue;
      }
      String[] lines = p.split("\n", -1);
      boolean[] keep = new boolean[lines.length];
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        boolean top = body.size() < 3;
        if (Furniture.isRelatedHeading(line)) {
          inRelatedList = true;
          continue;
        }
        if (inRelatedList && Furniture.isLinkLike(line)) {
          continue; // a headline of the list of related stories
        }
        inRelatedList = false;
        if (Furniture.isHomePagePrompt(line)) {
          inBrowserSteps = true;
          continue;
        }
        if (inBrowserSteps && Furniture.isBrowserStep(line)) {
          continue; // "On the toolbar, click Preferences." under "Make us your home page"
        }
        inBrowserSteps = false;
        keep[i] =
            !(Furniture.isKnown(line)
                || Furniture.isFurnitureList(line)
                || Furniture.isPitch(line)
                || isTeaserLink(block, i, line)
                || captions.holds(line)
                || body.isEmpty() && isSectionLabel(paras, bi, lines.length)
                || body.isEmpty() && isTagLine(line)
                || Bylines.isAuthorLine(line, meta.authors)
                || body.size() < BYLINE_BLOCKS
                    && !Furniture.endsSentence(line)
                    && (Bylines.isByLine(line) || isDeskLabel(line, meta.source))
                || top
                    && (Text.words(line).equals(normTitle)
                        || Bylines.isByLine(line)
                        || Bylines.isDateLine(line)));
      }
      PageText.Block kept = block.keep(keep);
      if (kept != null) {
        body.add(kept);
      }
    }
    dropClosingSections(body);
    dropTeaserRuns(body);
    dropTeaserCards(body, meta.url);
    dropRepeats(body);
    dropCallouts(body);
    dropTrailingLabels(body);
    // The author's bio at the end: "Ada Lind is a correspondent for ..."
    for (int k = 0; k < 3 && !body.isEmpty(); k++) {
      String last = body.get(body.size() - 1).text();
      if (Bylines.isBio(last, meta.authors) || Bylines.isStaffBio(last)) {
        body.remove(body.size() - 1);
      } else {
        break;
      }
    }
    Map<String, String> origins = new LinkedHashMap<>(meta.origins);
    if (body.isEmpty() && !paras.isEmpty()) {
      // Every line looked like furniture (a live-stream page, a log-in wall, one "Read the
      // article" link): the page's text is kept as it stands, and its origin says so, rather
      // than the page failing to import.
      body.addAll(paras);
      origins.put("body", WHOLE_PAGE);
    }
    List<String> texts = new ArrayList<>(body.size());
    for (PageText.Block b : body) {
      texts.add(b.text());
    }
    String plain = String.join("\n\n", texts);
    if (caption != null) {
      origins.put("caption", "figure caption");
    }
    String title = meta.title;
    if (title == null || title.isBlank()) {
      title = TextExtractor.titleFromFirstSentence(plain);
      origins.put("title", "first sentence");
    }
    return new Extracted(
        title,
        meta.source,
        meta.authors,
        meta.published,
        meta.url,
        meta.section,
        meta.lang,
        caption,
        plain,
        meta.tags,
        "html",
        PageText.markdown(body),
        origins);
  }

  /**
   * What the page says it is about: its meta descriptions, and the text of the article's own
   * microdata description or alternative headline ({@code <h2 itemprop=description>} in a {@code
   * NewsArticle}), which is its standfirst; not the description of an image, a person or a product
   * in it.
   */
  private static List<String> summaries(Document doc, PageMetadata meta) {
    List<String> out = new ArrayList<>(6);
    for (String key : SUMMARY_TAGS) {
      String d = meta.metaTags.get(key);
      if (d != null && !d.isBlank()) {
        out.add(d);
      }
    }
    int found = 0;
    for (Element e : meta.elements.select(meta.elements.itemprops, MICRODATA_SUMMARY)) {
      if (e.normalName().equals("meta") || e.hasAttr("content") || !ofArticle(e)) {
        continue;
      }
      out.add(e.text());
      if (++found == 3) {
        break;
      }
    }
    return out;
  }

  private static final Pattern ARTICLE_TYPE =
      Pattern.compile("(?:Article|BlogPosting|Report)$", Pattern.CASE_INSENSITIVE);

  /** Whether the microdata item that {@code e} describes is an article. */
  private static boolean ofArticle(Element e) {
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (a.hasAttr("itemscope")) {
        return ARTICLE_TYPE.matcher(a.attr("itemtype").strip()).find();
      }
    }
    return false;
  }

  private static final String[] SUMMARY_TAGS = {
    "description", "og:description", "twitter:description"
  };

  /**
   * A byline with no sentence in it ("By Ada Lind For The Velm Gazette") goes within this many
   * blocks of the top: a headline, a standfirst and its points may stand before it.
   */
  static final int BYLINE_BLOCKS = 6;

  /** The body's origin when no line of the page's text was the article's. */
  static final String WHOLE_PAGE = "whole page, no article found";

  /**
   * The captions of every figure of the page, as their words without spaces, with and without their
   * credits: a body line that is one of them is a caption, not text.
   */
  private static CaptionSet figureCaptions(Document doc, PageMetadata meta) {
    Set<String> out = new HashSet<>();
    // An image's alt text is its caption where galleries and lists repeat it as text; not when
    // it is the page's summary or headline, which some pages put there too.
    Set<String> summaries = new HashSet<>();
    for (String key : SUMMARY_TAGS) {
      String d = meta.metaTags.get(key);
      if (d != null) {
        summaries.add(squashed(d));
      }
    }
    if (meta.title != null) {
      summaries.add(squashed(meta.title));
    }
    List<Element> alts = new ArrayList<>();
    List<String> altTexts = new ArrayList<>();
    List<Element> boxes = new ArrayList<>();
    collectCaptions(doc, alts, boxes);
    for (Element img : alts) {
      String t = Spaces.collapse(img.attr("alt"));
      if (t.length() < 30 || t.length() > 600 || summaries.contains(squashed(t))) {
        continue;
      }
      out.add(squashed(t));
      String c = Captions.withoutCredit(t);
      if (c != null) {
        out.add(squashed(c));
      }
      altTexts.add(Text.words(c == null ? t : c));
    }
    for (Element fc : boxes) {
      String t = Spaces.collapse(fc.text());
      if (t.isEmpty() || t.length() > 600) {
        continue;
      }
      out.add(squashed(t));
      String c = Captions.withoutCredit(fc);
      if (c != null) {
        out.add(squashed(c));
      }
    }
    out.remove("");
    return CaptionSet.of(out, altTexts);
  }

  /**
   * The page's figure captions as their words without spaces ({@code whole}), and the first {@link
   * #KEY} characters of each ({@code starts}), so that a line is only stripped of a credit when a
   * caption could be what is left. {@code anyShort}: a caption shorter than that key.
   */
  private record CaptionSet(
      Set<String> whole, Set<String> starts, boolean anyShort, Map<String, List<String>> alts) {
    /** Characters a caption label ("Media caption", "Photo:") takes at the start of a line. */
    static final int LABEL_ROOM = 14;

    /** Characters of a caption's start compared before its credit is looked for. */
    static final int KEY = 10;

    /**
     * Share of words (by length) a line and a figure's alt text must have in common, both ways, to
     * be one caption written twice with small edits ("back yard" and "backyard").
     */
    static final double ALT_LIKENESS = 0.8;

    static CaptionSet of(Set<String> whole, List<String> altTexts) {
      Map<String, List<String>> alts = new HashMap<>();
      for (String a : altTexts) {
        alts.computeIfAbsent(lead(a), k -> new ArrayList<>()).add(a);
      }
      Set<String> starts = new HashSet<>();
      boolean anyShort = false;
      for (String c : whole) {
        if (c.length() < KEY) {
          anyShort = true;
        } else {
          starts.add(c.substring(0, KEY));
        }
      }
      return new CaptionSet(whole, starts, anyShort, alts);
    }

    /** The first two words of a normalized text. */
    private static String lead(String normalized) {
      int a = normalized.indexOf(' ');
      int b = a < 0 ? -1 : normalized.indexOf(' ', a + 1);
      return b < 0 ? normalized : normalized.substring(0, b);
    }

    /** True when the line is nearly the alt text of a figure's image. */
    private boolean nearAlt(String line) {
      if (alts.isEmpty() || line.length() < 30) {
        return false;
      }
      String n = Text.words(line);
      for (String a : alts.getOrDefault(lead(n), List.of())) {
        if (MainContent.similar(a, n) >= ALT_LIKENESS
            && MainContent.similar(n, a) >= ALT_LIKENESS) {
          return true;
        }
      }
      return false;
    }

    /** True when the line is a caption, alone or with its label and credit. */
    boolean holds(String line) {
      if (whole.isEmpty() && alts.isEmpty() || line.length() > 600) {
        return false;
      }
      String sq = squashed(line);
      if (whole.contains(sq) || nearAlt(line)) {
        return true;
      }
      if (!anyShort && !startsLikeCaption(sq)) {
        return false; // taking a label or a credit off could not leave a caption
      }
      String c = Captions.withoutCredit(line);
      return c != null && whole.contains(squashed(c));
    }

    private boolean startsLikeCaption(String sq) {
      for (int i = 0; i <= LABEL_ROOM && i + KEY <= sq.length(); i++) {
        if (starts.contains(sq.substring(i, i + KEY))) {
          return true;
        }
      }
      return false;
    }
  }

  private static String squashed(String s) {
    return Text.words(s).replace(" ", "");
  }

  /**
   * A line that is nothing but a link to another story, in the words of a headline: "Five things we
   * learned from the interview". Teasers stand between paragraphs and in lists at the end; the
   * article's own links sit inside its sentences.
   */
  private static boolean isTeaserLink(PageText.Block block, int line, String text) {
    if (!block.linked() || block.kind() != PageText.Kind.PARAGRAPH) {
      // a list of links may be the article's own (only one at the end is a teaser), and so may
      // a subheading that links to what it names
      return false;
    }
    return isWholeLink(block.markdown().get(line)) && isHeadlineLike(text);
  }

  private static boolean isWholeLink(String md) {
    return md.startsWith("[") && md.endsWith(")") && md.indexOf("](") == md.lastIndexOf("](");
  }

  private static boolean isHeadlineLike(String text) {
    return Furniture.isLinkLike(text) && text.split(" ").length >= TEASER_MIN_WORDS;
  }

  /**
   * True when block {@code bi} of {@code lines} lines, met before any kept text, is a section label
   * ("Politics", "World news"): a one-line paragraph of one or two words within three blocks of the
   * article's first paragraph of prose. A heading there is the article's own subheading, and a
   * short line among more short lines is the text of a short page.
   */
  private static boolean isSectionLabel(List<PageText.Block> paras, int bi, int lines) {
    PageText.Block block = paras.get(bi);
    if (lines != 1
        || block.kind() != PageText.Kind.PARAGRAPH
        || bi + 1 >= paras.size()
        || !Bylines.isSectionLabel(block.text())) {
      return false;
    }
    // A byline or date line may stand between the label and the prose.
    for (int k = bi + 1; k < paras.size() && k <= bi + 3; k++) {
      PageText.Block next = paras.get(k);
      if (next.kind() == PageText.Kind.PARAGRAPH
          && next.text().length() >= SECTION_LABEL_PROSE_CHARS
          && Furniture.endsSentence(next.text())) {
        return true;
      }
    }
    return false;
  }

  /** Words of a line of tags over the text at most ("coronavirus new york city"). */
  static final int TAG_LINE_WORDS = 6;

  /**
   * A line of tags or a topic label over the text: a few words, all in lower case, no sentence
   * ending ("coronavirus new york city"). Headlines and the text's first sentence are capitalized;
   * a script without capitals is never taken for one.
   */
  static boolean isTagLine(String line) {
    String t = line.strip();
    if (t.isEmpty()
        || t.length() > 60
        || Furniture.endsSentence(t)
        || dossier.core.Text.hasMoreWords(t, TAG_LINE_WORDS)) {
      return false;
    }
    boolean lower = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        return false;
      }
      lower |= Character.isLowerCase(c);
    }
    return lower;
  }

  /** The words that end the name of a publication's desk ("WebMD Health News", "Velm Staff"). */
  private static final Pattern DESK_WORD =
      Pattern.compile(
          "(?:news|staff|desk|team|newsroom|wire|reporters|editors|service)$",
          Pattern.CASE_INSENSITIVE);

  /**
   * The desk a byline names, on a line of its own: the site's name and at most three capitalized
   * words more, the last of them a word like "News" or "Staff" ("WebMD Health News" under "By Ada
   * Lind"), no sentence.
   */
  static boolean isDeskLabel(String line, String source) {
    if (source == null || source.isBlank()) {
      return false;
    }
    String t = Spaces.collapse(line).strip();
    String site = Spaces.collapse(source).strip();
    if (!t.regionMatches(true, 0, site, 0, site.length())
        || t.length() == site.length()
        || t.charAt(site.length()) != ' '
        || !DESK_WORD.matcher(t).find()) {
      return false;
    }
    String[] rest = t.substring(site.length() + 1).split(" ");
    if (rest.length > 3) {
      return false;
    }
    for (String w : rest) {
      if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0))) {
        return false;
      }
    }
    return true;
  }

  /** Length of the paragraph of prose a section label stands over. */
  private static final int SECTION_LABEL_PROSE_CHARS = 100;

  /**
   * Drops the lists of links to other stories: two or more blocks in a row (list items, headings or
   * lines), each nothing but a link worded like a headline. One such heading alone, followed by
   * text, is a subheading that links to what it names. A list that the text introduces with a colon
   * is the article's own (a blog's list of bugs fixed) and stays.
   */
  private static void dropTeaserRuns(List<PageText.Block> body) {
    List<PageText.Block> kept = new ArrayList<>(body.size());
    int i = 0;
    while (i < body.size()) {
      int end = i;
      while (end < body.size() && isTeaserBlock(body.get(end))) {
        end++;
      }
      if (end - i >= 2 && !introduced(body, i)) {
        i = end;
      } else if (end - i >= 2) {
        // the article's own list, every item of it
        kept.addAll(body.subList(i, end));
        i = end;
      } else {
        kept.add(body.get(i));
        i++;
      }
    }
    body.clear();
    body.addAll(kept);
  }

  /** Teaser cards in a row at the end of the body that make a list of other stories. */
  static final int TEASER_CARDS = 3;

  /** Paragraphs under a card's headline link at most: its summary, its date or byline. */
  static final int CARD_LINES = 2;

  /** A card's summary is at most this long: a teaser, not a section of the article. */
  static final int CARD_SUMMARY_CHARS = 400;

  /**
   * Drops the cards of other stories that end a body: {@link #TEASER_CARDS} or more, each a
   * headline that is nothing but a link to the same site and at most {@link #CARD_LINES} short
   * paragraphs under it (its summary, its date), up to the end, after the article's prose ("Next
   * posts", "More from the blog"). A list of the article's own whose headings link elsewhere (a
   * gift guide's shops) stays, and so does a run in the middle of the text.
   */
  private static void dropTeaserCards(List<PageText.Block> body, String pageUrl) {
    String host = host(pageUrl);
    int cards = 0;
    int start = body.size();
    int i = body.size() - 1;
    while (i >= 0) {
      // a card from its end: up to CARD_LINES summary paragraphs, then the headline link
      int k = i;
      while (k >= 0 && i - k < CARD_LINES && isCardSummary(body.get(k))) {
        k--;
      }
      if (k < 0 || !isCardHeadline(body.get(k)) || !linksTo(body.get(k), host)) {
        break;
      }
      cards++;
      start = k;
      i = k - 1;
    }
    if (cards >= TEASER_CARDS && start > 0 && hasProseBefore(body.subList(0, start + 1))) {
      body.subList(start, body.size()).clear();
    }
  }

  private static boolean isCardSummary(PageText.Block b) {
    return (b.kind() == PageText.Kind.PARAGRAPH || b.kind() == PageText.Kind.ITEM)
        && b.text().length() <= CARD_SUMMARY_CHARS
        && !isCardHeadline(b);
  }

  /** A card's headline is at most this long: a headline, not a sentence of text. */
  static final int CARD_HEADLINE_CHARS = 150;

  /** One line that is nothing but a link, worded like a headline of any length. */
  private static boolean isCardHeadline(PageText.Block b) {
    if (!b.linked() || b.kind() == PageText.Kind.CODE || b.markdown().size() != 1) {
      return false;
    }
    String t = b.text().strip();
    return isWholeLink(b.markdown().get(0))
        && t.length() <= CARD_HEADLINE_CHARS
        && !Furniture.endsSentence(t)
        && t.split(" ").length >= TEASER_MIN_WORDS;
  }

  /** True when every link of the block goes to {@code host}, or the page's host is not known. */
  private static boolean linksTo(PageText.Block b, String host) {
    if (host == null) {
      return true;
    }
    for (String md : b.markdown()) {
      int at = md.lastIndexOf("](");
      String h = at < 0 ? null : host(md.substring(at + 2, md.length() - 1));
      if (h == null || !h.equals(host)) {
        return false;
      }
    }
    return true;
  }

  /** The host of an absolute URL without a leading "www.", lower-cased, or null. */
  static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = java.net.URI.create(url.strip()).getHost();
      if (h == null) {
        return null;
      }
      h = h.toLowerCase(java.util.Locale.ROOT);
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * True when the run of links from block {@code i} is a list the text introduces: the block before
   * it ends with a colon ("In progress:", "The bugs fixed this week:"). A list of related stories
   * stands under a heading of its own, which the related-heading rule takes out first.
   */
  private static boolean introduced(List<PageText.Block> body, int i) {
    if (i == 0 || body.get(i).kind() != PageText.Kind.ITEM) {
      return false;
    }
    String before = body.get(i - 1).text().strip();
    return before.endsWith(":") && !Furniture.isRelatedHeading(before);
  }

  private static boolean isTeaserBlock(PageText.Block b) {
    if (!b.linked() || b.kind() == PageText.Kind.CODE) {
      return false;
    }
    String[] lines = b.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!isWholeLink(b.markdown().get(i)) || !isHeadlineLike(lines[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Drops reader call-outs ({@link Furniture#isReaderCallout}) and the question to the reader that
   * heads one ("How is this outbreak affecting you?"): a box asking for the reader's story is not
   * the article, however long its questions run.
   */
  private static void dropCallouts(List<PageText.Block> body) {
    for (int i = body.size() - 1; i >= 0; i--) {
      if (body.get(i).kind() == PageText.Kind.CODE
          || !Furniture.isReaderCallout(body.get(i).text())) {
        continue;
      }
      body.remove(i);
      if (i > 0 && Furniture.isReaderQuestion(body.get(i - 1).text())) {
        body.remove(--i);
      }
    }
  }

  /** A repeated block this long or longer is a caption, pull quote or promotion said twice. */
  static final int REPEAT_MIN_CHARS = 20;

  /** A repeated block up to this long goes alone (a longer one only in a repeated run). */
  static final int REPEAT_SHORT_CHARS = 100;

  /**
   * A paragraph this long or longer that says again the heading opening the text goes alone: a
   * standfirst set as a heading and printed again as a paragraph of the text. A paragraph said
   * three times or more, or twice without such a heading, is the text's own (a refrain, a chorus).
   */
  static final int REPEAT_LONG_CHARS = 160;

  /** Blocks, all different, repeated in a row that make a copy of the text printed twice. */
  static final int REPEAT_RUN = 3;

  /**
   * Drops the blocks that repeat earlier ones (their words, case aside): a short label or promotion
   * said again between paragraphs ("Sign up for our newsletter"), and a copy of the text printed
   * twice (a run of different paragraphs repeated in order), and a standfirst printed again in the
   * text. A sentence said twice on its own may be the text's refrain ("I would prefer not to.") and
   * stays.
   */
  private static void dropRepeats(List<PageText.Block> body) {
    Map<String, Integer> count = new HashMap<>();
    boolean[] repeat = new boolean[body.size()];
    String[] norm = new String[body.size()];
    for (int i = 0; i < body.size(); i++) {
      PageText.Block b = body.get(i);
      if (b.kind() != PageText.Kind.CODE && b.text().length() >= REPEAT_MIN_CHARS) {
        norm[i] = Text.words(b.text());
        repeat[i] = count.merge(norm[i], 1, Integer::sum) > 1;
      }
    }
    boolean[] drop = new boolean[body.size()];
    for (int i = 0; i < body.size(); ) {
      if (!repeat[i]) {
        i++;
        continue;
      }
      int end = i;
      Set<String> run = new HashSet<>();
      boolean distinct = true;
      while (end < body.size() && repeat[end]) {
        distinct &= run.add(norm[end]);
        end++;
      }
      for (int k = i; k < end; k++) {
        String text = body.get(k).text().strip();
        drop[k] =
            text.length() <= REPEAT_SHORT_CHARS
                    && !Furniture.endsSentence(text)
                    && !text.endsWith(":")
                || k > 0
                    && text.length() >= REPEAT_LONG_CHARS
                    && body.get(0).kind() == PageText.Kind.HEADING
                    && norm[k].equals(norm[0])
                    && count.get(norm[k]) == 2
                || distinct && end - i >= REPEAT_RUN;
      }
      i = end;
    }
    List<PageText.Block> kept = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      if (!drop[i]) {
        kept.add(body.get(i));
      }
    }
    body.clear();
    body.addAll(kept);
  }

  /** A block at the end of this many words or fewer, not a sentence, is a label or a link. */
  static final int TRAILING_LABEL_WORDS = 4;

  /**
   * Drops what follows the article's last sentence when it is only headings and labels: a heading
   * with no text under it, a section or tag name ("Sport", "Premier League"), "Return to list",
   * "Keywords:". List items go only when they are links (a menu); a short list of the article's own
   * may end it.
   */
  private static void dropTrailingLabels(List<PageText.Block> body) {
    while (body.size() > CLOSING_MIN_BLOCKS) {
      PageText.Block last = body.get(body.size() - 1);
      String text = last.text().strip();
      boolean label =
          switch (last.kind()) {
            case HEADING -> true;
            case PARAGRAPH -> isLabel(text);
            case ITEM -> last.linked() && isLabel(text);
            case CODE -> false;
          };
      if (!label || !hasProseBefore(body)) {
        return;
      }
      body.remove(body.size() - 1);
    }
  }

  /** A trailing label is at most this long; one without spaces (CJK text) at most a third. */
  static final int TRAILING_LABEL_CHARS = 36;

  private static boolean isLabel(String text) {
    int max = text.indexOf(' ') < 0 ? TRAILING_LABEL_CHARS / 3 : TRAILING_LABEL_CHARS;
    return text.length() <= max
        && text.indexOf('\n') < 0
        && !Furniture.endsSentence(text)
        && !Text.hasMoreWords(text, TRAILING_LABEL_WORDS);
  }

  /** True when a paragraph of prose comes before the last block. */
  private static boolean hasProseBefore(List<PageText.Block> body) {
    for (int i = body.size() - 2; i >= 0; i--) {
      PageText.Block b = body.get(i);
      if (b.kind() == PageText.Kind.PARAGRAPH
          && b.text().length() >= MainContent.LEDE_MIN_LENGTH
          && Furniture.endsSentence(b.text())) {
        return true;
      }
    }
    return false;
  }

  /** Fewer words than this make a menu entry or a tag, which other rules judge. */
  static final int TEASER_MIN_WORDS = 3;

  /**
   * A heading that begins what follows an article rather than the article: "About Acme Corp." after
   * a press release, "Media contact", "Forward-looking statements", "Disclaimer".
   */
  private static final Pattern CLOSING_HEADING =
      Pattern.compile(
          "(?:about (?!the authors?\\b)(?:the )?[\\p{L}\\p{N}][\\p{L}\\p{N}.&,'’ -]{1,60}|"
              + "(?:media|press|investor) contacts?|contacts?|forward-looking statements?|"
              + "safe harbou?r statement|disclaimer)\\s*:?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** What follows a closing heading is dropped when it is at most this share of the body. */
  static final double CLOSING_SHARE = 0.35;

  /** Blocks at the top that a closing heading never cuts away. */
  static final int CLOSING_MIN_BLOCKS = 3;

  /** Drops the end of the body from the first closing heading of its last part on. */
  private static void dropClosingSections(List<PageText.Block> body) {
    int total = 0;
    for (PageText.Block b : body) {
      total += b.text().length();
    }
    int after = 0;
    int cut = -1;
    for (int i = body.size() - 1; i >= CLOSING_MIN_BLOCKS; i--) {
      String text = body.get(i).text();
      after += text.length();
      if (after > total * CLOSING_SHARE) {
        break;
      }
      int nl = text.indexOf('\n');
      String first = nl < 0 ? text : text.substring(0, nl);
      if (first.length() <= 70
          && !Furniture.endsSentence(first)
          && CLOSING_HEADING.matcher(first).matches()) {
        cut = i;
      }
    }
    if (cut >= 0) {
      body.subList(cut, body.size()).clear();
    }
  }

  /** Most figures and caption boxes looked at on one page. */
  private static final int MAX_CAPTIONS = 300;

  /**
   * A class that names a caption box, in English and in the words of other languages' pages
   * ("legenda", "légende", "didascalia", "pie de foto", "Bildunterschrift", "bildtext").
   */
  static final Pattern CAPTION_NAME =
      Pattern.compile(
          "caption|legenda|l[eé]gende|didascalia|pie-?de-?foto|bildunterschrift|bildtext",
          Pattern.CASE_INSENSITIVE);

  private static final NameVerdicts CAPTION_CLASSES =
      new NameVerdicts(name -> CAPTION_NAME.matcher(name).find());

  /**
   * In one walk over the page: the images with alt text inside a figure ({@code figure img[alt]})
   * and the caption boxes ({@code figcaption} and boxes whose class names a caption, {@link
   * #CAPTION_NAME}).
   */
  private static void collectCaptions(Document doc, List<Element> alts, List<Element> boxes) {
    int[] figures = {0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (!(node instanceof Element e)) {
              return;
            }
            String tag = e.normalName();
            if (tag.equals("figure")) {
              figures[0]++;
            } else if (tag.equals("img")
                && figures[0] > 0
                && e.hasAttr("alt")
                && alts.size() < MAX_CAPTIONS) {
              alts.add(e);
            }
            if (boxes.size() < MAX_CAPTIONS
                && (tag.equals("figcaption") || CAPTION_CLASSES.test(e.className()))) {
              boxes.add(e);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.normalName().equals("figure")) {
              figures[0]--;
            }
          }
        },
        doc);
  }

  /**
   * True when a paragraph is the lead caption, with or without its credit. Taking a credit off only
   * shortens the text at its ends, so a paragraph that does not hold the caption is not stripped at
   * all (the credit patterns are the costly part).
   */
  private static boolean isLeadCaption(String normalized, String p, String normCaption) {
    if (normalized.equals(normCaption)) {
      return true;
    }
    if (!normalized.contains(normCaption)) {
      return false;
    }
    String c = Captions.withoutCredit(p);
    return c != null && normCaption.equals(Text.words(c));
  }

  /** Boxes whose figures are not the article's: menus, flyouts, teasers, related stories. */
  private static final Pattern NOT_ARTICLE_BOX =
      Pattern.compile(
          "(?<![a-z])(?:nav|menu|flyout|dropdown|drawer|masthead|sidebar|related|promo|teaser|"
              + "recirc|trending|popular|outbrain|taboola)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The caption of the article's own first figure, its credit left out; null when the article has
   * none. Figures in navigation, headers, footers, asides, link cards and boxes named like teasers
   * or menus belong to the site, not to the article.
   */
  private static String leadCaption(Document doc) {
    Element scope = doc.selectFirst(ARTICLE);
    if (scope == null) {
      scope = doc.selectFirst(MAIN_BOX);
    }
    if (scope == null) {
      scope = doc.body();
    }
    if (scope == null) {
      return null;
    }
    int tries = 0;
    for (Element fc : scope.select(FIGCAPTIONS)) {
      if (++tries > 20) {
        break;
      }
      if (!ownFigure(fc, scope)) {
        continue;
      }
      String t = Captions.withoutCredit(fc);
      return t == null || t.isEmpty() || t.length() > 400 ? null : t;
    }
    return null;
  }

  private static boolean ownFigure(Element fc, Element scope) {
    for (Element p = fc; p != null && p != scope; p = p.parent()) {
      String tag = p.normalName();
      if (tag.equals("nav")
          || tag.equals("header") && !scope.normalName().equals("article")
          || tag.equals("footer")
          || tag.equals("aside")
          || tag.equals("a")
          || tag.equals("menu")
          || MainContent.isHidden(p)) {
        return false;
      }
      String role = p.attr("role");
      if (role.equals("navigation") || role.equals("menu") || role.equals("complementary")) {
        return false;
      }
      String names = MainContent.names(p);
      if (names.length() > 1 && NOT_ARTICLE_BOX.matcher(names).find()) {
        return false;
      }
    }
    return true;
  }
}
