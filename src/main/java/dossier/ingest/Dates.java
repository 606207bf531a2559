package dossier.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication dates written the ways pages and scrapes write them: ISO-8601 timestamps,
 * numeric dates ({@code 07.06.2020}, {@code 2020/06/07}) and dates with month names in several
 * languages. Results are {@code YYYY-MM-DD}, or a full ISO-8601 timestamp when the source gives a
 * time with its offset.
 */
public final class Dates {
  private Dates() {}

  static final int MIN_YEAR = 1990;

  private static final Pattern ISO =
      Pattern.compile(
          "(?<![\\d])((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})(?:[T"
              + " ](\\d{1,2}):(\\d{2})(?::(\\d{1,2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?"
              + "(?![\\d])");
  private static final Pattern COMPACT =
      Pattern.compile(
          "(?<![\\d])((?:19|20)\\d{2})(\\d{2})(\\d{2})"
              + "(?:T(\\d{2}):?(\\d{2})(?::?(\\d{2}))?(Z)?)?(?![\\d])");
  private static final Pattern YMD =
      Pattern.compile("(?<![\\d])((?:19|20)\\d{2})[./](\\d{1,2})[./](\\d{1,2})(?![\\d])");
  private static final Pattern DMY =
      Pattern.compile("(?<![\\d.])(\\d{1,2})[./-](\\d{1,2})[./-]((?:19|20)\\d{2})(?![\\d])");
  private static final Pattern CJK =
      Pattern.compile("((?:19|20)\\d{2})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})");

  /** Seconds or milliseconds since 1970. */
  private static final Pattern EPOCH = Pattern.compile("\\d{10}(\\d{3})?");

  private static final Pattern DMY_SHORT =
      Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2})(?![\\d.])");

  /** Month names and their usual abbreviations and inflections, lower-cased, by month number. */
  private static final Map<String, Integer> MONTHS = new HashMap<>();

  private static final Pattern WORD_DATE;
  private static final Pattern DAY_MONTH_YEAR;
  private static final Pattern MONTH_DAY_YEAR;

  static {
    String[][] names = {
      // English, French, German, Spanish, Italian, Portuguese, Dutch
      {
        "january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "gen",
        "janeiro", "januari"
      },
      {
        "february",
        "feb",
        "febr",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "februar",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari"
      },
      {"march", "mar", "mars", "märz", "maerz", "marzo", "março", "marco", "maart", "mrt"},
      {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
      {"may", "mai", "mayo", "maggio", "mag", "maio", "mei"},
      {"june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho"},
      {"july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho"},
      {"august", "aug", "août", "aout", "agosto", "ago", "augustus"},
      {"september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro"},
      {
        "october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out"
      },
      {"november", "nov", "novembre", "noviembre", "novembro"},
      {
        "december",
        "dec",
        "décembre",
        "decembre",
        "déc",
        "dezember",
        "dez",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro"
      },
    };
    String[][] more = {
      // Russian and Ukrainian (nominative and genitive), Turkish, Polish, Czech, Romanian
      {
        "январь",
        "января",
        "янв",
        "січень",
        "січня",
        "ocak",
        "styczeń",
        "stycznia",
        "leden",
        "ledna",
        "ianuarie"
      },
      {
        "февраль",
        "февраля",
        "фев",
        "лютий",
        "лютого",
        "şubat",
        "subat",
        "luty",
        "lutego",
        "únor",
        "února",
        "februarie"
      },
      {
        "март",
        "марта",
        "березень",
        "березня",
        "mart",
        "marzec",
        "marca",
        "březen",
        "března",
        "martie"
      },
      {
        "апрель",
        "апреля",
        "апр",
        "квітень",
        "квітня",
        "nisan",
        "kwiecień",
        "kwietnia",
        "duben",
        "dubna",
        "aprilie"
      },
      {
        "май", "мая", "травень", "травня", "mayıs", "mayis", "maj", "maja", "květen", "května",
        "mai"
      },
      {
        "июнь",
        "июня",
        "червень",
        "червня",
        "haziran",
        "czerwiec",
        "czerwca",
        "červen",
        "června",
        "iunie"
      },
      {
        "июль",
        "июля",
        "липень",
        "липня",
        "temmuz",
        "lipiec",
        "lipca",
        "červenec",
        "července",
        "iulie"
      },
      {
        "август",
        "августа",
        "авг",
        "серпень",
        "серпня",
        "ağustos",
        "agustos",
        "sierpień",
        "sierpnia",
        "srpen",
        "srpna",
        "august"
      },
      {
        "сентябрь",
        "сентября",
        "сен",
        "вересень",
        "вересня",
        "eylül",
        "eylul",
        "wrzesień",
        "września",
        "září",
        "septembrie"
      },
      {
        "октябрь",
        "октября",
        "окт",
        "жовтень",
        "жовтня",
        "ekim",
        "październik",
        "października",
        "říjen",
        "října",
        "octombrie"
      },
      {
        "ноябрь",
        "ноября",
        "ноя",
        "листопад",
        "листопада",
        "kasım",
        "kasim",
        "listopad",
        "listopada",
        "noiembrie"
      },
      {
        "декабрь",
        "декабря",
        "дек",
        "грудень",
        "грудня",
        "aralık",
        "aralik",
        "grudzień",
        "grudnia",
        "prosinec",
        "prosince",
        "decembrie"
      },
    };
    String[][] arabic = {
      {"يناير", "كانون الثاني"},
      {"فبراير", "شباط"},
      {"مارس", "آذار"},
      {"أبريل", "ابريل", "نيسان"},
      {"مايو", "أيار"},
      {"يونيو", "يونيه", "حزيران"},
      {"يوليو", "يوليه", "تموز"},
      {"أغسطس", "اغسطس", "آب"},
      {"سبتمبر", "أيلول"},
      {"أكتوبر", "اكتوبر"},
      {"نوفمبر"},
      {"ديسمبر"},
    };
    for (String[][] table : new String[][][] {names, more, arabic}) {
      for (int m = 0; m < 12; m++) {
        for (String n : table[m]) {
          MONTHS.putIfAbsent(n, m + 1);
        }
      }
    }
    String month = "([\\p{L}]{3,12})\\.?";
    WORD_DATE = Pattern.compile("[\\p{L}]{3,12}");
    DAY_MONTH_YEAR =
        Pattern.compile(
            "(?<![\\d])(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?(?:\\s+de)?\\s+"
                + month
                + "(?:\\s*/\\s*[\\p{L}]{3,12})?,?(?:\\s+de)?\\s+((?:19|20)\\d{2})(?![\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    MONTH_DAY_YEAR =
        Pattern.compile(
            month + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?![\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The month number for a month name or abbreviation in a supported language, else 0. */
  static int month(String name) {
    Integer m = MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
    return m == null ? 0 : m;
  }

  /**
   * The first date in {@code s}, or null. Accepts everything {@link #parse} does anywhere in the
   * text, so it suits lines like "Published June 3, 2025, 7:15 a.m.".
   */
  public static String find(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    Found best = first(s);
    return best == null ? null : best.value;
  }

  /**
   * The latest date in {@code s} that is not in the future, or null. Pages without dated metadata
   * print their own date among older ones (events, related stories), rarely a newer one.
   */
  public static String latest(String s) {
    String today = LocalDate.now().toString();
    String best = null;
    for (String d : all(s)) {
      String day = d.substring(0, 10);
      if (day.compareTo(today) <= 0 && (best == null || day.compareTo(best) > 0)) {
        best = day;
      }
    }
    return best;
  }

  /** Every date in {@code s}, each pattern scanned once. */
  static List<String> all(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = ISO.matcher(s);
    while (m.find()) {
      add(out, ymd(Integer.parseInt(m.group(1)), m.group(2), m.group(3)));
    }
    for (Pattern p : new Pattern[] {DAY_MONTH_YEAR, MONTH_DAY_YEAR}) {
      boolean dayFirst = p == DAY_MONTH_YEAR;
      m = p.matcher(s);
      while (m.find()) {
        int month = month(m.group(dayFirst ? 2 : 1));
        if (month != 0) {
          add(
              out,
              ymd(Integer.parseInt(m.group(3)), String.valueOf(month), m.group(dayFirst ? 1 : 2)));
        }
      }
    }
    for (Pattern p : new Pattern[] {YMD, DMY, CJK}) {
      boolean yearFirst = p != DMY;
      m = p.matcher(s);
      while (m.find()) {
        String mo = m.group(2);
        String da = m.group(yearFirst ? 3 : 1);
        if (Integer.parseInt(mo) > 12 && Integer.parseInt(da) <= 12) {
          String swap = mo;
          mo = da;
          da = swap;
        }
        add(out, ymd(Integer.parseInt(m.group(yearFirst ? 1 : 3)), mo, da));
      }
    }
    return out;
  }

  private static void add(List<String> out, String d) {
    if (d != null) {
      out.add(d);
    }
  }

  private static Found first(String s) {
    Found best = null;
    best = earliest(best, isoMatch(s));
    best = earliest(best, wordMatch(DAY_MONTH_YEAR, s, 2, 1, 3));
    best = earliest(best, wordMatch(MONTH_DAY_YEAR, s, 1, 2, 3));
    best = earliest(best, numeric(YMD, s, 1, 2, 3));
    best = earliest(best, numeric(DMY, s, 3, 2, 1));
    best = earliest(best, numeric(CJK, s, 1, 2, 3));
    return best;
  }

  /**
   * Parses a value that is meant to be a date (a meta tag's content, a front-matter field, a {@code
   * datetime} attribute). Also accepts compact {@code 20200607} and two-digit years.
   */
  public static String parse(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    if (t.isEmpty()) {
      return null;
    }
    String f = find(t);
    if (f != null) {
      return f;
    }
    Matcher cm = COMPACT.matcher(t);
    if (cm.find()) {
      String d = ymd(Integer.parseInt(cm.group(1)), cm.group(2), cm.group(3));
      if (d != null && cm.group(7) != null) {
        return d
            + "T"
            + cm.group(4)
            + ":"
            + cm.group(5)
            + ":"
            + (cm.group(6) == null ? "00" : cm.group(6))
            + "Z";
      }
      if (d != null) {
        return d;
      }
    }
    Matcher m = DMY_SHORT.matcher(t);
    if (m.find()) {
      return ymd(2000 + Integer.parseInt(m.group(3)), m.group(2), m.group(1));
    }
    if (EPOCH.matcher(t).matches()) {
      long v = Long.parseLong(t);
      long secs = t.length() == 13 ? v / 1000 : v;
      LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(secs, 86400L));
      return plausible(d.getYear()) ? d.toString() : null;
    }
    return null;
  }

  private record Found(int start, String value) {}

  private static Found earliest(Found a, Found b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.start < a.start ? b : a;
  }

  private static Found isoMatch(String s) {
    Matcher m = ISO.matcher(s);
    while (m.find()) {
      String date = ymd(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
      if (date == null) {
        continue;
      }
      if (m.group(4) != null && m.group(7) != null) {
        int h = Integer.parseInt(m.group(4));
        int min = Integer.parseInt(m.group(5));
        int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        if (h < 24 && min < 60 && sec < 60) {
          String off = m.group(7);
          if (!off.equals("Z") && !off.contains(":")) {
            off = off.substring(0, 3) + ":" + off.substring(3);
          }
          if (off.equals("+00:00")) {
            off = "Z";
          }
          return new Found(
              m.start(), String.format(Locale.ROOT, "%sT%02d:%02d:%02d%s", date, h, min, sec, off));
        }
      }
      return new Found(m.start(), date);
    }
    return null;
  }

  private static Found wordMatch(Pattern p, String s, int monthGroup, int dayGroup, int yearGroup) {
    Matcher m = p.matcher(s);
    while (m.find()) {
      int month = month(m.group(monthGroup));
      if (month == 0) {
        continue;
      }
      String d =
          ymd(Integer.parseInt(m.group(yearGroup)), String.valueOf(month), m.group(dayGroup));
      if (d != null) {
        return new Found(m.start(), d);
      }
    }
    return null;
  }

  private static Found numeric(Pattern p, String s, int yearGroup, int monthGroup, int dayGroup) {
    Matcher m = p.matcher(s);
    while (m.find()) {
      String mo = m.group(monthGroup);
      String da = m.group(dayGroup);
      // 06/28/2020 is month-first; when both fields fit either way day-first is the more common.
      if (Integer.parseInt(mo) > 12 && Integer.parseInt(da) <= 12) {
        String swap = mo;
        mo = da;
        da = swap;
      }
      String d = ymd(Integer.parseInt(m.group(yearGroup)), mo, da);
      if (d != null) {
        return new Found(m.start(), d);
      }
    }
    return null;
  }

  static String ymd(int year, String month, String day) {
    if (!plausible(year)) {
      return null;
    }
    try {
      return LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)).toString();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  static boolean plausible(int year) {
    return year >= MIN_YEAR && year <= Year.now().getValue() + 1;
  }

  /** True when {@code s} holds a recognizable month name (to tell date lines from others). */
  static boolean hasMonthName(String s) {
    Matcher m = WORD_DATE.matcher(s);
    while (m.find()) {
      if (month(m.group()) != 0) {
        return true;
      }
    }
    return false;
  }
}
