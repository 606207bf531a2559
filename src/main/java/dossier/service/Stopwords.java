package dossier.service;

import java.util.Set;

/** English function words and calendar words, which say nothing about what an article is about. */
final class Stopwords {
  private static final Set<String> WORDS =
      Set.copyOf(
          java.util.List.of(
          "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
          "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
          "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
          "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
          "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
          "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no",
          "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
          "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
          "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
          "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we",
          "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
          "would", "you", "your", "yours", "yourself", "said", "says", "say", "mr", "mrs", "ms",
          "one", "two", "three", "new", "year", "years", "last", "first", "told", "many", "much",
          "may", "might", "must", "since", "still", "yet", "despite", "although", "though", "per",
          "via", "according", "like", "well", "even", "back", "next", "way", "get", "got", "make",
          "made", "according", "among", "within", "without", "around", "across", "along", "whether",
          "another", "every", "already", "ago", "week", "weeks", "day", "days", "time", "times",
          "people", "officials", "official", "meanwhile", "for", "yesterday", "today", "tomorrow"));

  private static final Set<String> CALENDAR =
      Set.of(
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday");

  private Stopwords() {}

  static boolean isStopword(String lower) {
    return WORDS.contains(lower) || CALENDAR.contains(lower);
  }

  static boolean isCalendarWord(String lower) {
    return CALENDAR.contains(lower);
  }
}
