package io.github.nl2sql.internal.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tokenising and normalising words of questions and schema names: snake_case and camelCase splitting,
 * lower-casing, a light plural/inflection stemmer, common abbreviations and stop words. Internal.
 */
public final class Words {
  private Words() {}

  /** Stop words: never schema evidence on their own. */
  public static final Set<String> STOP = Set.of(
      "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "with", "and", "or", "is", "are", "was",
      "were", "be", "been", "what", "which", "who", "whom", "whose", "where", "when", "how", "many", "much",
      "show", "list", "give", "find", "return", "tell", "me", "all", "each", "every", "that", "this", "these",
      "those", "there", "their", "its", "it", "do", "does", "did", "have", "has", "had", "from", "than",
      "as", "any", "some", "not", "no", "also", "both", "only", "please", "i", "we", "you", "they", "them",
      "his", "her", "my", "our", "your", "if", "into", "out", "up", "per", "about", "between");

  /** Abbreviations found in schema names, expanded to the word a question uses. */
  static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
      Map.entry("num", "number"), Map.entry("no", "number"), Map.entry("nbr", "number"),
      Map.entry("qty", "quantity"), Map.entry("amt", "amount"), Map.entry("addr", "address"),
      Map.entry("dept", "department"), Map.entry("emp", "employee"), Map.entry("desc", "description"),
      Map.entry("dob", "birth"), Map.entry("yr", "year"), Map.entry("yrs", "year"), Map.entry("avg", "average"),
      Map.entry("cnt", "count"), Map.entry("pct", "percent"), Map.entry("tel", "phone"),
      Map.entry("fname", "first"), Map.entry("lname", "last"), Map.entry("stu", "student"),
      Map.entry("prof", "professor"), Map.entry("mgr", "manager"), Map.entry("cust", "customer"),
      Map.entry("prod", "product"), Map.entry("org", "organization"), Map.entry("info", "information"),
      Map.entry("pos", "position"), Map.entry("dur", "duration"), Map.entry("temp", "temperature"),
      Map.entry("max", "maximum"), Map.entry("min", "minimum"), Map.entry("loc", "location"),
      Map.entry("crs", "course"), Map.entry("std", "student"), Map.entry("id", "id"));

  /** Splits an identifier into lower-case words: {@code saleCount_2} -> [sale, count, 2]. */
  public static List<String> splitIdentifier(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean boundary = !Character.isLetterOrDigit(c);
      boolean camel = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
      boolean digitEdge = i > 0 && Character.isDigit(c) != Character.isDigit(name.charAt(i - 1))
          && Character.isLetterOrDigit(name.charAt(i - 1));
      if (boundary || camel || digitEdge) {
        if (cur.length() > 0) {
          out.add(cur.toString().toLowerCase(Locale.ROOT));
          cur.setLength(0);
        }
        if (boundary) {
          continue;
        }
      }
      cur.append(c);
    }
    if (cur.length() > 0) {
      out.add(cur.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Splits question text into lower-case words (letters and digits; apostrophes dropped). */
  static List<String> splitText(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        cur.append(Character.toLowerCase(c));
      } else if (c == '\'' && cur.length() > 0) {
        // "customer's" -> "customer"
        while (i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
          i++;
        }
        out.add(cur.toString());
        cur.setLength(0);
      } else if (cur.length() > 0) {
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  /** A light stemmer for matching: plurals ({@link #singular}), then -ing and -ed. */
  static String stem(String w) {
    String s = singular(w);
    int n = s.length();
    if (n > 6 && s.endsWith("ing")) {
      return s.substring(0, n - 3);
    }
    if (n > 5 && s.endsWith("ed") && !s.endsWith("eed")) {
      return s.substring(0, n - 2);
    }
    return s;
  }

  /**
   * Nouns in -us whose plural is -uses ("statuses", "campuses"); other words in -uses drop only the s
   * ("houses", "causes", "warehouses").
   */
  private static final Set<String> US_NOUNS = Set.of("status", "campus", "bus", "minibus", "bonus", "census",
      "virus", "focus", "corpus", "genus", "radius", "syllabus", "surplus", "consensus", "apparatus",
      "prospectus", "stimulus", "cactus", "nexus", "circus", "octopus", "thesaurus", "sinus", "fungus",
      "chorus", "walrus", "abacus");

  /**
   * Regular English plurals made singular: {@code cities} -> city, {@code boxes} -> box, {@code cars} -> car,
   * {@code statuses} -> status.
   */
  public static String singular(String w) {
    int n = w.length();
    if (n > 4 && w.endsWith("ies")) {
      return w.substring(0, n - 3) + "y";
    }
    if (n > 4 && w.endsWith("uses") && US_NOUNS.contains(w.substring(0, n - 2))) {
      return w.substring(0, n - 2);
    }
    if (n > 4 && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
      return w.substring(0, n - 2);
    }
    if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  /**
   * The regular English plural of a singular noun: {@code city} -> cities, {@code box} -> boxes,
   * {@code status} -> statuses, {@code car} -> cars; {@code day} keeps its y (days). Irregular plurals are
   * not known.
   */
  public static String plural(String w) {
    int n = w.length();
    if (n > 1 && w.endsWith("y") && "aeiou".indexOf(w.charAt(n - 2)) < 0) {
      return w.substring(0, n - 1) + "ies";
    }
    if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
      return w + "es";
    }
    return w + "s";
  }

  /** The normalised form of a schema word: abbreviation expanded, then stemmed. */
  static String normaliseSchemaWord(String w) {
    return stem(ABBREVIATIONS.getOrDefault(w, w));
  }

  /** Whether {@code a} and {@code b} (already normalised) are close: equal, or prefix / one edit on long words. */
  static double similarity(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    int la = a.length();
    int lb = b.length();
    if (Math.min(la, lb) >= 4 && (a.startsWith(b) || b.startsWith(a))) {
      return 0.75;
    }
    if (Math.min(la, lb) >= 5 && Math.abs(la - lb) <= 1 && editDistanceAtMostOne(a, b)) {
      return 0.7;
    }
    return 0.0;
  }

  private static boolean editDistanceAtMostOne(String a, String b) {
    int i = 0;
    int j = 0;
    int edits = 0;
    while (i < a.length() && j < b.length()) {
      if (a.charAt(i) == b.charAt(j)) {
        i++;
        j++;
        continue;
      }
      if (++edits > 1) {
        return false;
      }
      if (a.length() > b.length()) {
        i++;
      } else if (a.length() < b.length()) {
        j++;
      } else {
        i++;
        j++;
      }
    }
    return edits + (a.length() - i) + (b.length() - j) <= 1;
  }
}
