package dossier.ingest;

import dossier.core.Extracted;
import dossier.core.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text articles, most often saved by scrapers: a headline when there is one, a photo caption
 * (often printed twice), bylines and "Published" lines, the article one paragraph per line, then
 * the site's furniture (prompts, share links, related headlines, section markers, copyright). The
 * furniture is removed, and what it says about the article (section, tags, publisher) is kept.
 */
final class TextExtractor {
  private TextExtractor() {}

  private static final Pattern CREDIT =
      Pattern.compile(
          "\\(([^()]{2,80}?)\\s+for\\s+(the\\s+)?(\\p{Lu}[\\p{L}\\p{N}'’&.\\-]*"
              + "(?:\\s+(?:of\\s+|de\\s+)?\\p{Lu}[\\p{L}\\p{N}'’&.\\-]*){0,5})\\s*\\)",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PHOTO_CREDIT =
      Pattern.compile(
          "(?:\\((?:photo|image|picture|foto|photograph)s?\\s*(?::|by)[^()]{2,80}\\)|"
              + "(?:photo|photograph|image|picture|credit)s?\\s*(?::|by)\\s*[^.]{2,80})\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final String NAME_RUN =
      "(\\p{Lu}[\\p{L}\\p{N}'’&.\\-]*(?:\\s+(?:of\\s+|de\\s+)?\\p{Lu}[\\p{L}\\p{N}'’&.\\-]*){0,5})";
  private static final Pattern ACCORDING_TO =
      Pattern.compile(
          "\\baccording to\\s+(the\\s+)?" + NAME_RUN + "(?:'s?)?\\s+article\\b",
          Pattern.UNICODE_CHARACTER_CLASS);
  static final Pattern PRESS_WORD =
      Pattern.compile(
          "\\b(?:Post|Times|Journal|Herald|Tribune|News|Gazette|Courier|Ledger|Review|"
              + "Guardian|Telegraph|Observer|Chronicle|Standard|Express|Mail|Mirror|Independent|"
              + "Economist|Reuters|Press|Bloomberg|Wire|Today|Daily|Record|Sun|Star|Globe|"
              + "Inquirer|Register|Dispatch|Bulletin|Monitor|Examiner|Magazine|Weekly|Agency|"
              + "Radio|TV|Television|BBC|CNN|AFP|Reuters|Politico|Axios|Atlantic|Spiegel|"
              + "Zeitung|Monde|Figaro|País|Corriere|Nation|Week|Insider|Pravda|Izvestia|Kommersant|"
              + "Interfax|Tass|TASS|Xinhua|Yonhap|Kyodo|Al Jazeera|Broadcasting|Network|Media|"
              + "Online|Wall Street Journal|Associated Press|Morning|Evening|Sunday|Financial)\\b");
  private static final Pattern COPYRIGHT_NAME =
      Pattern.compile(
          "^(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?"
              + "(?:(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)?\\d{2,4})?\\s*,?\\s*)?"
              + "(.*?)(?:\\s*(?:19|20)\\d{2})?[.,]?\\s*(?:all rights reserved.*)?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SECTION =
      Pattern.compile(
          "^(?i:in|section:|category:|posted in|filed under:?)\\s+(\\p{Lu}[\\p{L}&'’\\-]*"
              + "(?:\\s+(?:&\\s+)?\\p{Lu}[\\p{L}&'’\\-]*){0,2})$",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern TAGS =
      Pattern.compile(
          "^(?:tags|tagged|topics|keywords|tagged with|filed under)\\s*:\\s*(.+)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^(?:(first\\s+)?published|posted|updated|last updated|date|dated|modified)"
              + "(?:\\s+on)?\\s*:?\\s*(.*)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ENTITY =
      Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

  /**
   * HTML character references that scrapers leave in text ("&#163;1.8m", "&amp;") as the characters
   * they stand for; a bare "&" (AT&T) and unknown names stay as they are.
   */
  static String decodeEntities(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, m.start());
      out.append(org.jsoup.parser.Parser.unescapeEntities(m.group(), false));
      last = m.end();
    }
    if (out == null) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }

  static Extracted extract(String text) {
    List<String> paras = paragraphs(decodeEntities(text));
    Meta meta = new Meta();

    // Head: headline, caption, bylines and date lines before the first paragraph of text.
    int i = 0;
    while (i < paras.size() && i < 12) {
      String p = paras.get(i);
      if (i + 1 < paras.size() && paras.get(i + 1).equals(p) && meta.caption == null) {
        meta.caption = p;
        meta.origins.put("caption", "caption line");
        paras.remove(i + 1);
        paras.remove(i);
        continue;
      }
      if (meta.caption == null && isCaption(p) && i + 1 < paras.size()) {
        meta.caption = p;
        meta.origins.put("caption", "caption line");
        paras.remove(i);
        continue;
      }
      if (readMetaLine(p, meta, true)) {
        paras.remove(i);
        continue;
      }
      if (meta.title == null
          && i == 0
          && paras.size() > 1
          && isHeadline(p)
          && !Furniture.isKnownCollapsed(p)) {
        meta.title = p;
        meta.origins.put("title", "headline line");
        paras.remove(i);
        continue;
      }
      break;
    }

    // Tail: the furniture the site printed after the article.
    int end = paras.size();
    while (end > 1) {
      String p = paras.get(end - 1);
      if (isListItem(p) || Furniture.isLinkLikeCollapsed(p) && !isFurnitureLine(p)) {
        // A list at the end is the article's (results, rankings, fixtures) when a sentence ending
        // in a colon introduces it, or when neither a furniture heading ("Related", "Most read")
        // above it nor furniture below it marks it as the site's, and it is a marked list or the
        // very last thing in the file.
        int start = end - 1;
        boolean marked = isListItem(p);
        while (start > 0
            && (isListItem(paras.get(start - 1))
                || Furniture.isLinkLikeCollapsed(paras.get(start - 1))
                    && !isFurnitureLine(paras.get(start - 1)))) {
          start--;
          marked &= isListItem(paras.get(start));
        }
        String above = start > 0 ? paras.get(start - 1) : "";
        boolean introduced = above.endsWith(":") && !isFurnitureLine(above);
        boolean unheaded = (marked || end == paras.size()) && !isFurnitureLine(above);
        if (end - start >= 2 && start > 0 && (introduced || unheaded)) {
          break;
        }
        for (int k = start; k < end; k++) {
          readMetaLine(paras.get(k), meta, false);
        }
        end = start;
        continue;
      }
      if (readMetaLine(p, meta, false) || isFurnitureLine(p)) {
        end--;
      } else {
        break;
      }
    }
    List<String> body = new ArrayList<>();
    for (int k = 0; k < end; k++) {
      String p = paras.get(k);
      if (!body.isEmpty() && body.get(body.size() - 1).equals(p)) {
        continue; // a paragraph printed twice by the scraper
      }
      if (readMetaLine(p, meta, false)
          || Furniture.isKnownCollapsed(p)
          || Furniture.isPromptCollapsed(p)
          || Furniture.isPitchCollapsed(p)
          || Furniture.isFurnitureList(p)) {
        continue;
      }
      body.add(p);
    }
    String bodyText = String.join("\n\n", body);

    if (meta.source == null && meta.caption != null) {
      meta.source = meta.found("source", "caption credit", creditedPublisher(meta.caption));
    }
    if (meta.source == null) {
      meta.source = meta.found("source", "copyright line", meta.copyrightHolder);
    }
    if (meta.source == null) {
      meta.source = meta.found("source", "article self-reference", selfReference(bodyText));
    }
    String title = meta.title;
    if (title == null) {
      title = titleFromFirstSentence(bodyText);
      meta.origins.put("title", "first sentence");
    }
    if (!meta.authors.isEmpty()) {
      meta.origins.put("authors", "byline line");
    }
    // The credit named the publisher above; the stored caption is the photo's description alone.
    String caption = meta.caption == null ? null : Captions.withoutCredit(meta.caption);
    if (caption == null) {
      meta.origins.remove("caption");
    }
    return new Extracted(
        title,
        meta.source,
        new ArrayList<>(meta.authors),
        meta.published,
        null,
        meta.section,
        null,
        caption,
        bodyText,
        new ArrayList<>(meta.tags),
        "text",
        null,
        meta.origins);
  }

  private static final class Meta {
    String title;
    String caption;
    String source;
    String copyrightHolder;
    String published;
    boolean publishedIsUpdate;
    String section;
    final Set<String> authors = new LinkedHashSet<>();
    final Set<String> tags = new LinkedHashSet<>();
    final Map<String, String> origins = new LinkedHashMap<>();

    /** {@code value}, with its origin recorded for {@code field} when there is one. */
    String found(String field, String origin, String value) {
      if (value != null) {
        origins.put(field, origin);
      }
      return value;
    }
  }

  /**
   * Reads a line that carries metadata instead of text (byline, date, tags, section, copyright)
   * into {@code meta}; true when the line is such a line and leaves the body.
   */
  private static boolean readMetaLine(String p, Meta meta, boolean head) {
    if (p.length() > 200) {
      return false;
    }
    Matcher tags = TAGS.matcher(p);
    if (tags.matches()) {
      for (String t : tags.group(1).split("[,;|]")) {
        PageMetadata.addTag(meta.tags, t);
      }
      return true;
    }
    Matcher sec = SECTION.matcher(p);
    if (sec.matches()) {
      if (meta.section == null) {
        meta.section = meta.found("section", "section line", sec.group(1));
      }
      return true;
    }
    if (Furniture.COPYRIGHT.matcher(p).find()) {
      if (meta.copyrightHolder == null) {
        meta.copyrightHolder = copyrightHolder(p);
      }
      return true;
    }
    Matcher dl = DATE_LINE.matcher(p);
    if (dl.matches() && !Text.hasMoreWords(p, 14)) {
      String d = Dates.find(dl.group(2));
      if (d != null) {
        boolean update =
            !p.toLowerCase(Locale.ROOT).matches("^(first\\s+)?(published|posted|date).*");
        if (meta.published == null || (meta.publishedIsUpdate && !update)) {
          meta.published = meta.found("published", "date line", d);
          meta.publishedIsUpdate = update;
        }
        return true;
      }
    }
    if (Bylines.isByLine(p) || (head || !Text.hasMoreWords(p, 8)) && Bylines.isNameWithRole(p)) {
      meta.authors.addAll(Bylines.names(p));
      String d = Dates.find(p);
      if (d != null && meta.published == null) {
        meta.published = meta.found("published", "byline line", d);
      }
      return true;
    }
    // A line that is only a date, as scrapers print under the headline.
    if (head && !Text.hasMoreWords(p, 8) && !Furniture.endsSentence(p)) {
      String d = Dates.find(p);
      if (d != null) {
        if (meta.published == null) {
          meta.published = meta.found("published", "date line", d);
        }
        return true;
      }
    }
    return false;
  }

  /** "© 2025 The Harbour Ledger. All rights reserved." names The Harbour Ledger. */
  static String copyrightHolder(String line) {
    String t = Spaces.collapse(line);
    String lower = t.toLowerCase(Locale.ROOT);
    int start = -1;
    for (String mark : new String[] {"©", "(c)", "copyright"}) {
      int at = lower.indexOf(mark);
      if (at >= 0 && (start < 0 || at < start)) {
        start = at;
      }
    }
    if (start < 0) {
      return null;
    }
    t = AFTER_BAR.matcher(t.substring(start)).replaceFirst("");
    Matcher c = COPYRIGHT_NAME.matcher(t);
    if (!c.matches()) {
      return null;
    }
    String name = cleanPublisher(c.group(1));
    return name == null || !Captions.ANY_LETTER.matcher(name).matches() ? null : name;
  }

  private static final Pattern LIST_ITEM =
      Pattern.compile("^(?:[-*•–]\\s+|\\d{1,3}[.)]?\\s+\\p{L})");

  /** Furniture by its wording or shape; {@code p} is a paragraph, its spaces collapsed. */
  private static boolean isFurnitureLine(String p) {
    return Furniture.isKnownCollapsed(p)
        || Furniture.isPromptCollapsed(p)
        || Furniture.isFurnitureList(p)
        || Furniture.isPitchCollapsed(p)
        || TAGS.matcher(p).matches()
        || SECTION.matcher(p).matches()
        || Furniture.COPYRIGHT.matcher(p).find();
  }

  static boolean isListItem(String p) {
    return p.length() <= 300 && LIST_ITEM.matcher(p).find();
  }

  static boolean isCaption(String p) {
    return p.length() <= 400
        && (p.indexOf('(') >= 0 && CREDIT.matcher(p).find()
            || mayNamePhoto(p) && PHOTO_CREDIT.matcher(p).find());
  }

  private static final String[] PHOTO_WORDS = {"photo", "image", "picture", "foto", "credit"};

  /**
   * False when {@link #PHOTO_CREDIT} cannot match: it needs one of its words, in any ASCII case
   * (the pattern is case-insensitive for ASCII only). Cheaper than trying the pattern at every
   * position of every head paragraph.
   */
  private static boolean mayNamePhoto(String p) {
    for (String w : PHOTO_WORDS) {
      if (containsAsciiIgnoreCase(p, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code lower} (ASCII lower-case letters) in {@code s}, ASCII letters of {@code s} in any case.
   */
  private static boolean containsAsciiIgnoreCase(String s, String lower) {
    char first = lower.charAt(0);
    int last = s.length() - lower.length();
    for (int i = 0; i <= last; i++) {
      if ((s.charAt(i) | 0x20) != first) {
        continue;
      }
      int k = 1;
      while (k < lower.length() && (s.charAt(i + k) | 0x20) == lower.charAt(k)) {
        k++;
      }
      if (k == lower.length()) {
        return true;
      }
    }
    return false;
  }

  /** "... (Jane Roe for The Daily Meridian)" names The Daily Meridian. */
  static String creditedPublisher(String caption) {
    Matcher m = CREDIT.matcher(caption);
    String found = null;
    while (m.find()) {
      found = (m.group(2) != null ? "The " : "") + m.group(3);
    }
    return found == null ? null : cleanPublisher(found);
  }

  /**
   * The publisher named where the article speaks of itself: "according to the Washington Post
   * article". Citations of other outlets ("according to Reuters", "the FT reported", "according to
   * a Financial Times report") name someone else's work and are never the article's publisher.
   */
  static String selfReference(String body) {
    // The pattern is tried only where its words start: run over a whole body, a name-run
    // pattern starting at every space was a third of all import time.
    for (int at = next(body, "according to", 0); at >= 0; at = next(body, "according to", at + 1)) {
      Matcher m = ACCORDING_TO.matcher(body);
      m.region(at, Math.min(body.length(), at + 200)).useTransparentBounds(true);
      if (m.lookingAt() && m.group(1) != null && PRESS_WORD.matcher(m.group(2)).find()) {
        return cleanPublisher("The " + m.group(2));
      }
    }
    return null;
  }

  /**
   * {@code s.indexOf(word, from)}, looking for the word without its first letter, which is far more
   * common in text (a space, an "a") and made the search stop at nearly every word.
   */
  private static int next(String s, String word, int from) {
    String rest = word.substring(1);
    char first = word.charAt(0);
    for (int q = s.indexOf(rest, Math.max(from, 0) + 1); q >= 0; q = s.indexOf(rest, q + 1)) {
      if (s.charAt(q - 1) == first) {
        return q - 1;
      }
    }
    return -1;
  }

  private static final Pattern AFTER_BAR = Pattern.compile("\\s*[|·•].*$");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:]+$");
  private static final Pattern COMPANY_SUFFIX =
      Pattern.compile("(?i)[,\\s]+(?:ltd|limited|inc|llc|plc|gmbh|s\\.?a|corp)\\.?$");
  private static final Pattern RIGHTS_RESERVED =
      Pattern.compile("(?i)\\s+(?:all rights reserved).*$");

  private static String cleanPublisher(String raw) {
    if (raw == null) {
      return null;
    }
    String s = TRAILING_PUNCTUATION.matcher(Spaces.collapse(raw)).replaceAll("");
    s = COMPANY_SUFFIX.matcher(s).replaceAll("");
    s = RIGHTS_RESERVED.matcher(s).replaceAll("");
    if (s.isEmpty() || s.length() > 80 || Text.hasMoreWords(s, 8)) {
      return null;
    }
    if (s.regionMatches(true, 0, "the ", 0, 4)) {
      s = "The " + s.substring(4);
    }
    return s;
  }

  /**
   * Splits text into paragraphs. Blank lines separate blocks; inside a block, lines that look
   * hard-wrapped (similar widths, no sentence ending) are joined, other lines are paragraphs of
   * their own, as scrapers print one paragraph per line. Every paragraph has its spaces collapsed,
   * which the Furniture checks named "...Collapsed" rely on.
   */
  static List<String> paragraphs(String text) {
    String t = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    List<String> out = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    int n = t.length();
    for (int start = 0; ; ) {
      int nl = t.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      if (onlyBlanks(t, start, end)) {
        // a blank line (spaces, tabs and no-break spaces only) ends a block
        addBlock(lines, out);
      } else {
        String l = Spaces.collapse(t, start, end);
        if (!l.isEmpty()) {
          lines.add(l);
        }
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    addBlock(lines, out);
    return out;
  }

  private static boolean onlyBlanks(String t, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = t.charAt(i);
      if (c != ' ' && c != '\t' && c != '\u00a0') {
        return false;
      }
    }
    return true;
  }

  /** Adds the lines of one block as paragraphs (joined when hard-wrapped) and empties it. */
  private static void addBlock(List<String> lines, List<String> out) {
    if (lines.isEmpty()) {
      return;
    }
    if (hardWrapped(lines)) {
      out.add(String.join(" ", lines));
    } else {
      out.addAll(lines);
    }
    lines.clear();
  }

  private static boolean hardWrapped(List<String> lines) {
    if (lines.size() < 2) {
      return false;
    }
    int open = 0;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int k = 0; k < lines.size() - 1; k++) {
      String l = lines.get(k);
      min = Math.min(min, l.length());
      max = Math.max(max, l.length());
      if (!Furniture.endsSentence(l)) {
        open++;
      }
    }
    int n = lines.size() - 1;
    return min >= 30 && max <= 110 && max - min <= 40 && open * 2 >= n;
  }

  static boolean isHeadline(String p) {
    return p.length() <= 200
        && !Furniture.endsSentence(p)
        && !p.endsWith(",")
        && !p.endsWith(";")
        && Text.hasMoreWords(p, 0)
        && !Text.hasMoreWords(p, 30);
  }

  /** A title made from the first sentence of the text, cut at a word boundary. */
  static String titleFromFirstSentence(String body) {
    String first = body.split("\n", 2)[0];
    int end = first.length();
    for (int i = 20; i < first.length() - 1; i++) {
      char c = first.charAt(i);
      if ((c == '.' || c == '!' || c == '?')
          && Character.isWhitespace(first.charAt(i + 1))
          && !abbreviationBefore(first, i)) {
        end = i + 1;
        break;
      }
    }
    return Text.cutAtWord(first.substring(0, end).trim(), 100);
  }

  private static boolean abbreviationBefore(String s, int dot) {
    int start = dot;
    while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
      start--;
    }
    String word = s.substring(start, dot);
    return word.length() <= 3 && !word.isEmpty() && Character.isUpperCase(word.charAt(0))
        || word.matches(
            "(?i)mr|mrs|ms|dr|st|gen|sen|rep|gov|col|lt|capt|prof|jan|feb|aug|sept"
                + "|oct|nov|dec|no|vs|etc|inc|ltd|co|corp|approx|est");
  }
}
