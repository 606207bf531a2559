package dossier.ingest;

import dossier.core.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads author names out of bylines: "By A and B", "A, Correspondent", "Von A", "Par A". */
final class Bylines {
  private Bylines() {}

  private static final Pattern BY_PREFIX =
      Pattern.compile(
          "^(?:written\\s+|story\\s+|text\\s+|words\\s+|reporting\\s+)?"
              + "(?:by|von|par|por|di|door|av|af|автор:?|от)\\s*[:\\-]?\\s+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final String ROLES =
      "(?:senior\\s+|chief\\s+|special\\s+|foreign\\s+|political\\s+|staff\\s+|contributing\\s+|"
          + "associate\\s+|deputy\\s+|managing\\s+|executive\\s+|national\\s+|business\\s+|"
          + "science\\s+|economics\\s+|sports?\\s+|health\\s+|tech(?:nology)?\\s+|"
          + "investigative\\s+|freelance\\s+)*"
          + "(?:correspondent|reporter|editor|writer|columnist|contributor|journalist|analyst|"
          + "producer|bureau chief|photographer|critic|staff|editor-at-large|fellow|author|"
          + "intern|news desk|newsdesk)s?";
  private static final Pattern ROLE_SUFFIX =
      Pattern.compile(
          "\\s*(?:[,|–—-]\\s*|\\s+)(?:the\\s+|our\\s+|a\\s+)?(?:\\p{Lu}\\p{L}+\\s+)?"
              + ROLES
              + "\\b.*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLE_ONLY =
      Pattern.compile("^(?:the\\s+|our\\s+)?" + ROLES + "$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPLIT =
      Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\|)\\s*");
  private static final Pattern PLACE =
      Pattern.compile("\\s+(?:in|from|at)\\s+\\p{Lu}[\\p{L}'.\\- ]*$");

  /** A social handle after a name, alone or in brackets: "@adalind", "(@adalind)". */
  private static final Pattern HANDLE = Pattern.compile("\\s+\\(?@[\\p{L}\\p{N}_.]+\\)?");

  private static final Pattern NAME_WORD = Pattern.compile("[\\p{Lu}][\\p{L}'’.\\-]*");

  private static final Pattern OTHER_CREDIT =
      Pattern.compile(
          "(?i)\\s*[,;|]?\\s*\\b(?:edited|photographs?|photos|illustrations?|graphics|video|"
              + "additional reporting|reporting|fact-checked|reviewed)\\s+by\\b.*$");

  // The patterns of the methods below, compiled once.
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern DOTS_COMMAS = Pattern.compile("[.,]");
  private static final Pattern AM_PM = Pattern.compile("(?i)\\b([ap])\\.m\\.");
  private static final Pattern PUBLISHED_TAIL =
      Pattern.compile("(?i)\\s*(?:[|,·•–—-]\\s*)?(?:published|updated|posted)\\b.*$");
  private static final Pattern NUMBER_TAIL = Pattern.compile("\\s*[|·•]\\s*\\d.*$");
  private static final Pattern BRACKETED = Pattern.compile("\\s*\\([^)]*\\)\\s*");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s:\\-–—]+|[\\s:\\-–—.]+$");
  private static final Pattern ANY_DIGIT = Pattern.compile(".*\\d.*");
  private static final Pattern NAME_PARTICLE =
      Pattern.compile("(?i)van|von|de|der|den|da|di|du|la|le|del|dos|das|bin|al|el|ter");

  /** "Gillian Mohney March 11, 2015 3:46 PM" without its date: names hold no digits. */
  static String cutAtDate(String t) {
    String[] words = WHITESPACE.split(t);
    int keep = words.length;
    for (int i = 0; i < words.length; i++) {
      if (!words[i].isEmpty() && Character.isDigit(words[i].charAt(0))) {
        keep = i;
        if (i > 0 && Dates.month(DOTS_COMMAS.matcher(words[i - 1]).replaceAll("")) != 0) {
          keep = i - 1;
        }
        break;
      }
    }
    return keep == words.length ? t : String.join(" ", java.util.Arrays.copyOf(words, keep));
  }

  /** True when a line opens the way a byline does: "By ", "Written by ", "Por ". */
  static boolean startsWithBy(String line) {
    return BY_PREFIX.matcher(Spaces.collapse(line)).find();
  }

  /** True when {@code line} reads as a byline: "By ..." followed by a name. */
  static boolean isByLine(String line) {
    String t = Spaces.collapse(line);
    if (t.length() > 120) {
      return false;
    }
    Matcher m = BY_PREFIX.matcher(t);
    return m.find() && !names(t.substring(m.end())).isEmpty();
  }

  private static final Pattern DATE_LINE_SPLIT =
      Pattern.compile("[\\s,;|·•/()\\[\\]–—:.-]+|(?<=\\p{L})(?=\\d)|(?<=\\d)(?=\\p{L})");
  private static final Pattern DATE_LINE_WORD =
      Pattern.compile(
          "(?i)by|and|on|at|the|of|published|updated|posted|last|modified|date|ago|hours?|mins?|"
              + "minutes?|read|am|pm|utc|gmt|et|est|edt|ct|cst|cdt|pt|pst|pdt|cet|cest|bst|ist|aest|"
              + "aedt|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
              + "saturday|sunday|st|nd|rd|th|add|leave|no|comments?|replies|editor|admin|staff");
  private static final Pattern NUMERIC_DATE =
      Pattern.compile("\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{1,2}:\\d{2}\\b");

  /**
   * True when {@code line} is a dateline or a byline with its date and nothing else: "Dan Goodin -
   * Apr 16, 2015 8:02 pm UTC", "by Ada Lind22 Dec 2016651", "Ada Lind, The Velm Gazette Published
   * 7:40 p.m. ET March 17, 2020", "22 Dec, 2016". Every word is a date or time, a capitalized name
   * word (seven at most) or one of the small words bylines use; a date (a month's name with a
   * number, a numeric date or a time of day) must be there.
   */
  static boolean isDateLine(String line) {
    String t = Spaces.collapse(line);
    if (t.length() > 120 || t.isEmpty()) {
      return false;
    }
    t = HANDLE.matcher(t).replaceAll(" ");
    boolean numeric = NUMERIC_DATE.matcher(t).find();
    t = AM_PM.matcher(t).replaceAll("$1m");
    boolean month = false;
    boolean digits = false;
    int names = 0;
    for (String w : DATE_LINE_SPLIT.split(t)) {
      if (w.isEmpty()) {
        continue;
      }
      if (Character.isDigit(w.charAt(0))) {
        if (!w.chars().allMatch(Character::isDigit)) {
          return false;
        }
        digits = true;
      } else if (Dates.month(w) != 0) {
        month = true;
      } else if (DATE_LINE_WORD.matcher(w).matches()) {
        continue;
      } else if (NAME_WORD.matcher(w).matches() || isUncased(w)) {
        if (++names > 7) {
          return false;
        }
      } else {
        return false;
      }
    }
    return digits && (month || numeric);
  }

  /** True when {@code line} is a name followed by a role: "Anna Ferro, Correspondent". */
  static boolean isNameWithRole(String line) {
    String t = Spaces.collapse(line);
    if (t.length() > 100) {
      return false;
    }
    Matcher m = ROLE_SUFFIX.matcher(t);
    if (!m.find() || m.start() == 0) {
      return false;
    }
    String name = t.substring(0, m.start());
    String rest = t.substring(m.start()).strip();
    // "Anna Ferro, Correspondent": a full name, then a separator, then the role.
    return looksLikeName(name)
        && WHITESPACE.split(name.trim()).length >= 2
        && !rest.isEmpty()
        && ",|–—-".indexOf(rest.charAt(0)) >= 0
        && rest.length() < 60;
  }

  /**
   * The names in a byline or author field, cleaned of "By", roles, places and dates; an empty list
   * when nothing in it looks like a person's or desk's name.
   */
  static List<String> names(String raw) {
    if (raw == null) {
      return List.of();
    }
    String t = Spaces.collapse(raw);
    if (t.isEmpty()
        || t.length() > 200
        || t.startsWith("http")
        || t.contains("@") && !t.contains(" ")) {
      return List.of();
    }
    Matcher by = BY_PREFIX.matcher(t);
    if (by.find()) {
      t = t.substring(by.end());
    }
    // A handle beside the name ends it: "Ada Lind @adalind Reporter" reads "Ada Lind, Reporter".
    t = HANDLE.matcher(t).replaceAll(",");
    // Credits for others' work, dates and times that follow the name in the same element.
    t = OTHER_CREDIT.matcher(t).replaceFirst("");
    t = cutAtDate(t);
    t = PUBLISHED_TAIL.matcher(t).replaceAll("");
    t = NUMBER_TAIL.matcher(t).replaceAll("");
    Matcher role = ROLE_SUFFIX.matcher(t);
    if (role.find() && role.start() > 0) {
      t = t.substring(0, role.start());
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : SPLIT.split(t)) {
      String p = part.trim();
      p = PLACE.matcher(p).replaceFirst("");
      p = BRACKETED.matcher(p).replaceAll(" ").trim();
      p = EDGE_PUNCTUATION.matcher(p).replaceAll("");
      if (p.isEmpty() || ROLE_ONLY.matcher(p).matches()) {
        continue;
      }
      if (looksLikeName(p)) {
        out.add(p);
      }
    }
    return new ArrayList<>(out);
  }

  /** A word in a script without letter case (Chinese, Japanese, Arabic, Hebrew...). */
  private static boolean isUncased(String w) {
    if (w.isEmpty() || w.length() > 12) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!Character.isLetter(c) || Character.isUpperCase(c) || Character.isLowerCase(c)) {
        return false;
      }
    }
    return true;
  }

  /** Two to five capitalized words, or one word of a desk or agency name in capitals. */
  static boolean looksLikeName(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.length() > 60 || ANY_DIGIT.matcher(t).matches()) {
      return false;
    }
    String[] words = WHITESPACE.split(t);
    if (words.length > 6) {
      return false;
    }
    int caps = 0;
    for (String w : words) {
      if (NAME_WORD.matcher(w).matches() || isUncased(w)) {
        caps++;
      } else if (!NAME_PARTICLE.matcher(w).matches()) {
        return false;
      }
    }
    if (caps == 0) {
      return false;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    return !NOT_A_NAME.matcher(lower).matches();
  }

  /** Words that open a line of furniture, not a name ("Share", "Read more", "The ..."). */
  private static final Pattern NOT_A_NAME =
      Pattern.compile(
          "(?:the|a|an|this|that|our|your|their|his|her|its|staff|share|follow|read|more|home|news|menu|search|advertisement|"
              + "comments?|related|subscribe|sign in|log in|contact|about)(?:\\s.*)?");

  private static final Pattern BIO_VERB =
      Pattern.compile(
          "^\\s*(?:,\\s*)?(?:is|was|covers|has covered|has been|writes|reports|joined|edits)\\b.*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /**
   * True when {@code para} is a bio of one of {@code authors}: "Ada Lind is a correspondent for The
   * Post...", "ADA LIND IS THE NETWORK'S POLITICAL EDITOR", at most 80 words.
   */
  private static final Pattern STAFF_BIO =
      Pattern.compile(
          "(?:(?-i:\\p{Lu})[\\p{L}.'’-]+(?: (?-i:\\p{Lu})[\\p{L}.'’-]+){1,3},? (?:is|was|has been)|"
              + "(?-i:I)(?: am|'m|’m| have been))"
              + " (?:(?:a|an|the|our) )?(?:[\\p{L}'’-]+ ){0,5}(?:reporter|correspondent|writer|"
              + "editor|journalist|columnist|contributor|producer|author|freelancer|photographer|"
              + "critic|intern|fellow|blogger)s?\\b.*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

  /**
   * True when {@code para} is a staff bio whoever wrote the page: "Ines Morrow is a senior reporter
   * for the Gazette covering the port." (a name, then what the person writes as), or the same in
   * the first person ("I am a freelance writer in Velm. I've written ...").
   */
  static boolean isStaffBio(String para) {
    return para.length() <= 600 && para.indexOf('\n') < 0 && STAFF_BIO.matcher(para).matches();
  }

  /** Words after the author's name that a credit line has at most. */
  static final int AUTHOR_LINE_EXTRA_WORDS = 10;

  /**
   * True when a line is a credit that starts with one of {@code authors}' names and is no sentence:
   * "Ada Lind @adalind", "Ada Lind, AP National Security Writer", "Ada Lind | The Gazette", "Ada
   * Lind 36 posts 0 comments".
   */
  static boolean isAuthorLine(String line, List<String> authors) {
    if (authors.isEmpty() || line.length() > 160 || Furniture.endsSentence(line)) {
      return false;
    }
    for (String a : authors) {
      if (a.indexOf(' ') > 0
          && line.regionMatches(true, 0, a, 0, a.length())
          && (line.length() == a.length() || !Character.isLetter(line.charAt(a.length())))
          && !Text.hasMoreWords(line.substring(a.length()), AUTHOR_LINE_EXTRA_WORDS)) {
        return true;
      }
    }
    return false;
  }

  /** A label of one or two words without punctuation: "Politics", "Sport", "World news". */
  static boolean isSectionLabel(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.length() > 30 || Text.hasMoreWords(t, 2)) {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c != ' ' && c != '-' && !isAlphabetLetter(c)) {
        return false; // a short line in a script without spaces may be a whole heading
      }
    }
    return true;
  }

  private static boolean isAlphabetLetter(char c) {
    if (!Character.isLetter(c)) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.LATIN
        || script == Character.UnicodeScript.CYRILLIC
        || script == Character.UnicodeScript.GREEK;
  }

  static boolean isBio(String para, List<String> authors) {
    if (authors.isEmpty() || para.length() > 600 || para.indexOf('\n') >= 0) {
      return false;
    }
    for (String a : authors) {
      if (a.length() >= 4
          && para.regionMatches(true, 0, a, 0, a.length())
          && BIO_VERB.matcher(para.substring(a.length())).matches()) {
        return true;
      }
    }
    return false;
  }
}
