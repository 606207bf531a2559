package dossier.ingest;

import dossier.core.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells site furniture from article text, one line at a time: prompts to share, follow, subscribe
 * or comment, "Related" and "Read more" lists, advertisement labels, copyright lines, comment
 * counts. Known phrasings are matched directly; unknown ones are caught by shape (a short line
 * without sentence punctuation that starts with a call to action or names a social network).
 */
final class Furniture {
  private Furniture() {}

  private static final Pattern KNOWN =
      Pattern.compile(
          "^(?:advertisement|advertising|ad|sponsored(?: content)?|paid (?:post|content)|story"
              + " continues below(?: advertisement)?|continue reading(?: below| the main"
              + " story)?|article continues below|skip (?:to|advert).*|scroll to"
              + " continue.*|(?:leave|write|post|add) (?:a |your"
              + " )?(?:review|comment|reply|response)s?|(?:be the first to )?comment(?: on this"
              + " (?:story|article))?|(?:view|show|see|read|load) (?:all |more )?\\d*"
              + " ?comments?|\\d+ (?:comments?|replies|responses|shares?)|comments?"
              + " \\(\\d+\\)|follow us(?: on .*)?|follow (?:the )?[\\p{L} ]{1,40} on .*|find us on"
              + " .*|like us on .*|join us on .*|connect with us.*|share(?: this| the)?(?: article|"
              + " story| page| post)?(?: on \\S+| via \\S+)?|share on \\S+|share via \\S+|copy"
              + " (?:the )?link|link copied|email|print|"
              + "(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|instagram|"
              + "tiktok|youtube|threads|bluesky|mastodon|flipboard|email|e-mail|print)"
              + "(?:\\s*[|/·•,]\\s*"
              + "(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|instagram|"
              + "tiktok|youtube|threads|bluesky|mastodon|flipboard|email|e-mail|print))*|related(?:"
              + " (?:articles?|stories|posts|content|coverage|news|links|reading|"
              + "topics))?:?|(?:more|also|recommended|further)"
              + " (?:on|in|from|reading|stories|news|like this)(?: .{0,60})?|you (?:may|might)(?: also)?"
              + " (?:like|enjoy|be interested in).*|most"
              + " (?:read|popular|viewed|shared|commented)(?: .{0,40})?|trending(?: now)?|read"
              + " (?:more|next|also|this next)(?:\\s*[:»›>-].*)?|read more about .*|see also:?"
              + " .*|watch: .{0,80}|listen: .{0,80}|(?:related|also read|also see|more|read"
              + " more|see more|recommended|editor'?s picks?):\\s.*|sign up (?:for|to) .*|sign"
              + " up|subscribe(?: now| today| for .*| to .*)?|get (?:our|the)"
              + " .{0,40}newsletter.*|.{0,40}newsletter(?: sign-?up)?|enter your e-?mail(?:"
              + " address)?.*|your e-?mail(?: address)?|(?:we|i) (?:respect|value) your"
              + " privacy.*|unsubscribe at any time.*|(?:©|\\(c\\)|copyright\\b).*|all rights"
              + " reserved.*|news ?line|top stories|latest news|breaking news|back to"
              + " top|(?:click|tap) here.*|download (?:our|the) app.*|open in app|image"
              + " (?:source|caption|credit).*|photo(?:graph)?:? credit.*|(?:updated|last"
              + " updated|posted|published)\\b.{0,60}|"
              + "loading(?:\\.\\.\\.|…)?|close|menu|home|next|previous|prev|recommended(?: for you|"
              + " reading| stories| articles)?|sponsored links?|(?:gift|save|print|share|bookmark)"
              + " (?:this |the )?(?:article|story)|listen to (?:this|the)"
              + " (?:article|story).{0,20}|report an? (?:error|correction|typo)|send us (?:a |your"
              + " )?tips?|got a (?:news )?tip.{0,60}|was this (?:article|story|page)"
              + " (?:helpful|useful).{0,20}|(?:open|opens) in (?:a )?new (?:window|tab)|(?:\\d+"
              + " )?min(?:ute)?s? read|reading time.{0,20})$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Reported speech marks a line as news text, whatever verbs it starts with. */
  private static final Pattern REPORTING =
      Pattern.compile(
          "\\b(?:said|says|told|added|according to|reported|announced|urged)\\b",
          Pattern.CASE_INSENSITIVE);

  static final Pattern COPYRIGHT =
      Pattern.compile("^(?:©|\\(c\\)|copyright\\b)|all rights reserved", Pattern.CASE_INSENSITIVE);

  private static final Pattern CALL_TO_ACTION =
      Pattern.compile(
          "^(?:follow|share|subscribe|sign|join|download|click|tap|read|watch|listen|see|get|"
              + "like|leave|write|comment|tweet|send|email|print|save|bookmark|explore|discover|"
              + "visit|register|log in|login|support|donate|become|don't miss|never miss|"
              + "stay (?:up to date|informed|connected)|keep up|want more)\\b.*",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NETWORKS =
      Pattern.compile(
          "\\b(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|instagram|"
              + "tiktok|youtube|social (?:networks?|media)|newsletter|podcast|app store|"
              + "google play|rss)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The phrases of {@code furniture-phrases.txt}, one pattern a line. */
  static final List<Pattern> PHRASES = phrases();

  private static List<Pattern> phrases() {
    List<Pattern> out = new ArrayList<>();
    try (InputStream in = Furniture.class.getResourceAsStream("furniture-phrases.txt")) {
      if (in == null) {
        throw new IllegalStateException("furniture-phrases.txt missing from the build");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(Pattern.compile(line.strip(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  /**
   * The phrases, asked as their alternation would be, most of them only of lines they could match.
   */
  private static final AnyOf ANY_PHRASE =
      new AnyOf(PHRASES, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** True when the collapsed line is one of the furniture phrases of the resource file. */
  static boolean isPhrase(String t) {
    return !t.isEmpty() && t.length() <= 300 && ANY_PHRASE.matches(t);
  }

  private static final Pattern RELATED_HEADING =
      Pattern.compile(
          "(?:more on this story|more stories|related(?: stories| articles| coverage| content|"
              + " information| links| videos?)?|"
              + "read more|further reading|you (?:may|might) also like|recommended(?: for you)?|"
              + "more (?:on|from|about) [\\p{L} ]{1,40}|"
              + "more [\\p{L}\\p{N} -]{1,30} (?:news|stories|coverage)|"
              + "about the authors?|also read|see also)\\s*[:»›.…]*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A heading over a list of other stories: "Read more:", "Related", "More on this story". */
  static boolean isRelatedHeading(String line) {
    String t = Spaces.collapse(line);
    return t.length() <= 60 && RELATED_HEADING.matcher(t).matches();
  }

  /** A line that is furniture wherever it appears, even between paragraphs of the article. */
  static boolean isKnown(String line) {
    return line.length() <= 400 && isKnownCollapsed(Spaces.collapse(line));
  }

  /** {@link #isKnown} of a line whose spaces are collapsed already, as the text extractor's are. */
  static boolean isKnownCollapsed(String t) {
    if (isPhrase(t)) {
      return true;
    }
    if (t.isEmpty() || t.length() > 160) {
      return false;
    }
    if (endsSentence(t)
        && (Text.hasMoreWords(t, 8) || REPORTING.matcher(t).find())
        && !COPYRIGHT.matcher(t).find()) {
      return false;
    }
    return KNOWN.matcher(stripBullet(t)).matches();
  }

  private static final Pattern ITEM_SEPARATOR = Pattern.compile("\\s+[|·•]\\s+");

  /** A line of furniture items separated by bars or dots: "Print this article | Email". */
  static boolean isFurnitureList(String line) {
    if (line.length() > 200
        || line.indexOf('|') < 0 && line.indexOf('·') < 0 && line.indexOf('•') < 0) {
      return false;
    }
    String t = Spaces.collapse(line);
    for (String part : ITEM_SEPARATOR.split(t)) {
      if (!part.isBlank() && !isKnown(part) && !isPrompt(part)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A line that is furniture by its shape: short, no sentence ending, and a call to action or a
   * mention of social networks or newsletters.
   */
  static boolean isPrompt(String line) {
    return isPromptCollapsed(Spaces.collapse(line));
  }

  /** {@link #isPrompt} of a line whose spaces are collapsed already. */
  static boolean isPromptCollapsed(String line) {
    String t = stripBullet(line);
    if (t.isEmpty() || endsSentence(t) || Text.hasMoreWords(t, 14) || REPORTING.matcher(t).find()) {
      return false;
    }
    return CALL_TO_ACTION.matcher(t).matches() || NETWORKS.matcher(t).find();
  }

  private static final Pattern PITCH_START =
      Pattern.compile(
          "^(?:want|like|love|enjoy(?:ed)?|don'?t|never|get|try|you(?:'ve| have| can)|"
              + "already|not yet|support|become|join|subscribe|sign|click|tap|download|follow|"
              + "our (?:journalism|reporting|newsroom|work))\\b.*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PITCH_WORDS =
      Pattern.compile(
          "\\b(?:sign up|subscribe|subscriber|subscription|newsletter|free articles?|click here|"
              + "tap here|download (?:our|the) app|follow us|readers like you|paywall|"
              + "log ?in|register|donat(?:e|ion)|support (?:our|independent))\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A short sales pitch, even with sentence punctuation: "Want more stories like this? Sign up
   * here." It must both start like a pitch and name what it sells, so that a news sentence about
   * people signing up for something stays.
   */
  static boolean isPitch(String line) {
    return isPitchCollapsed(Spaces.collapse(line));
  }

  /** {@link #isPitch} of a line whose spaces are collapsed already. */
  static boolean isPitchCollapsed(String t) {
    return !t.isEmpty()
        && !Text.hasMoreWords(t, 16)
        && PITCH_START.matcher(t).matches()
        && PITCH_WORDS.matcher(t).find()
        && !REPORTING.matcher(t).find();
  }

  /** What a reader call-out asks for: the reader's story, by a form or a message. */
  private static final Pattern CALLOUT =
      Pattern.compile(
          "\\b(?:we(?:'d|’d| would)? (?:want|like|love) to hear from you|"
              + "(?:can'?t|can’t|cannot|unable to) see the form|(?:fill (?:in|out)|use|complete)"
              + " the form below|share your (?:story|stories|experiences?|photos?|thoughts|views)"
              + " with us|tell us (?:your story|about your|what you think|how you))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern YOU =
      Pattern.compile("\\byou(?:r|rs)?\\b", Pattern.CASE_INSENSITIVE);

  /** A reader call-out runs to a few questions and a request; an article is longer than this. */
  static final int CALLOUT_MAX_CHARS = 1200;

  /**
   * A call-out to readers of any length: "What has changed about your daily life? Are you a nurse?
   * We want to hear from you. If you can't see the form, click here." It asks for the reader's
   * story (a form, "we want to hear from you"), speaks to the reader twice or more, and reports
   * nobody's words, so that a news sentence about a form or a survey stays.
   */
  static boolean isReaderCallout(String line) {
    if (line.length() > CALLOUT_MAX_CHARS
        // every call-out the pattern knows says "you" or "form"
        || !Captions.holdsIgnoringCase(line, "you") && !Captions.holdsIgnoringCase(line, "form")
        || !CALLOUT.matcher(line).find()) {
      return false;
    }
    if (REPORTING.matcher(line).find()) {
      return false;
    }
    java.util.regex.Matcher m = YOU.matcher(line);
    int you = 0;
    while (m.find()) {
      you++;
    }
    return you >= 2;
  }

  /** The question over a call-out, asked of the reader: "How is the outbreak affecting you?" */
  static boolean isReaderQuestion(String line) {
    String t = Spaces.collapse(line);
    return t.endsWith("?") && !Text.hasMoreWords(t, 12) && YOU.matcher(t).find();
  }

  private static final Pattern HOME_PAGE_PROMPT =
      Pattern.compile(
          "(?:make|set) [\\p{L} ]{1,40} (?:your|my) home ?page\\b.{0,80}|(?:how to )?set your"
              + " (?:home ?page|browser)\\b.{0,80}",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern STEP_VERB =
      Pattern.compile(
          "\\b(?:click|select|type|choose|tap|open|go to)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern BROWSER_UI =
      Pattern.compile(
          "\\b(?:toolbar|preferences|settings|options|home ?page|browser|menu|window|tab)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A prompt to make the site the browser's home page: "Make the Velm Gazette my homepage". */
  static boolean isHomePagePrompt(String line) {
    String t = Spaces.collapse(line);
    return t.length() <= 160 && HOME_PAGE_PROMPT.matcher(t).matches();
  }

  /**
   * A step of the instructions under a home-page prompt: "On the toolbar, click Preferences." A
   * line that both tells the reader to click, select or type and names a part of the browser.
   */
  static boolean isBrowserStep(String line) {
    return line.length() <= 200
        && STEP_VERB.matcher(line).find()
        && BROWSER_UI.matcher(line).find();
  }

  /** Short and unpunctuated, the way headlines of link lists and menu entries look. */
  static boolean isLinkLike(String line) {
    return isLinkLikeCollapsed(Spaces.collapse(line));
  }

  /** {@link #isLinkLike} of a line whose spaces are collapsed already. */
  static boolean isLinkLikeCollapsed(String t) {
    return !t.isEmpty() && t.length() <= 120 && !endsSentence(t) && !Text.hasMoreWords(t, 16);
  }

  static boolean endsSentence(String t) {
    String s = t.strip();
    if (s.isEmpty()) {
      return false;
    }
    // Closing quotes and brackets after the full stop still end a sentence.
    int i = s.length() - 1;
    while (i > 0 && "\"'”’»)]".indexOf(s.charAt(i)) >= 0) {
      i--;
    }
    char c = s.charAt(i);
    return c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？';
  }

  private static final Pattern BULLET = Pattern.compile("^[•·*▶►>»›\\-–—|]+\\s*");
  private static final Pattern ARROW = Pattern.compile("\\s*[»›>→]+$");

  private static String stripBullet(String t) {
    String s = t;
    if (!s.isEmpty() && "•·*▶►>»›-–—|".indexOf(s.charAt(0)) >= 0) {
      s = BULLET.matcher(s).replaceFirst("");
    }
    if (!s.isEmpty() && "»›>→".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = ARROW.matcher(s).replaceFirst("");
    }
    return s;
  }
}
