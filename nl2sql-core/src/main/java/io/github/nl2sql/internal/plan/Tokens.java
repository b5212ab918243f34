package io.github.nl2sql.internal.plan;

import io.github.nl2sql.internal.link.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Tokenising and stemming for the offline planner. Internal. */
final class Tokens {
  private Tokens() {}

  /**
   * One token of a question; {@code afterComma} when a comma or semicolon separates it from the token before ("the type,
   * name and price": a list, not "type name").
   */
  record Tok(String raw, String low, String stem, boolean number, boolean quoted, boolean afterComma) {
    Tok(String raw, String low, String stem, boolean number, boolean quoted) {
      this(raw, low, stem, number, quoted, false);
    }
  }

  /** An ISO date, optionally with a time of day. */
  static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?)?(?![\\d-])");

  /** Abbreviations in schema names, expanded to the word a question uses. */
  static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
      Map.entry("num", "number"), Map.entry("no", "number"), Map.entry("nbr", "number"),
      Map.entry("qty", "quantity"), Map.entry("amt", "amount"), Map.entry("addr", "address"),
      Map.entry("dept", "department"), Map.entry("emp", "employee"), Map.entry("desc", "description"),
      Map.entry("dob", "birth"), Map.entry("yr", "year"), Map.entry("avg", "average"),
      Map.entry("cnt", "count"), Map.entry("pct", "percent"), Map.entry("tel", "phone"),
      Map.entry("fname", "first name"), Map.entry("lname", "last name"), Map.entry("stu", "student"),
      Map.entry("prof", "professor"), Map.entry("mgr", "manager"), Map.entry("cust", "customer"),
      Map.entry("prod", "product"), Map.entry("org", "organization"), Map.entry("info", "information"),
      Map.entry("pos", "position"), Map.entry("dur", "duration"), Map.entry("temp", "temperature"),
      Map.entry("loc", "location"), Map.entry("crs", "course"), Map.entry("enr", "enrollment"),
      Map.entry("apt", "apartment"), Map.entry("lat", "latitude"), Map.entry("lng", "longitude"),
      Map.entry("lon", "longitude"), Map.entry("inst", "institution"),
      Map.entry("prereq", "prerequisite"), Map.entry("forename", "first name"),
      Map.entry("firstname", "first name"), Map.entry("surname", "last name"), Map.entry("lastname", "last name"));

  /** Irregular plurals. */
  static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("people", "person"), Map.entry("men", "man"),
      Map.entry("women", "woman"), Map.entry("children", "child"), Map.entry("mice", "mouse"),
      Map.entry("feet", "foot"), Map.entry("teeth", "tooth"), Map.entry("staff", "staff"),
      // too short, or an -s word, for the regular rules
      Map.entry("ids", "id"), Map.entry("statuses", "status"), Map.entry("campuses", "campus"),
      Map.entry("buses", "bus"));

  /** Auxiliaries as they are written before "n't". */
  private static final Map<String, String> CONTRACTED = Map.of("don", "do", "doesn", "does", "didn", "did",
      "haven", "have", "hasn", "has", "hadn", "had", "isn", "is", "aren", "are", "wasn", "was", "weren", "were");

  /** Splits a question into tokens: words, numbers (with decimals) and quoted strings. */
  static List<Tok> tokenize(String text) {
    List<Tok> out = new ArrayList<>();
    List<Integer> commas = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' || c == '\u201c' || (c == '\'' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))))) {
        char close = c == '\u201c' ? '\u201d' : c;
        int end = text.indexOf(close, i + 1);
        if (end > i + 1 && end - i <= 80) {
          String q = text.substring(i + 1, end);
          out.add(new Tok(q, q.toLowerCase(Locale.ROOT), q.toLowerCase(Locale.ROOT), false, true));
          i = end + 1;
          continue;
        }
        i++;
        continue;
      }
      java.util.regex.Matcher date = Character.isDigit(c) ? ISO_DATE.matcher(text).region(i, n) : null;
      if (date != null && date.lookingAt()) {
        // "after 2000-01-01", "before 2018-03-17 07:13:53": a date literal, read like a quoted value
        String d = date.group();
        out.add(new Tok(d, d, d, false, true));
        i = date.end();
        continue;
      }
      boolean negative = c == '-' && i + 1 < n && Character.isDigit(text.charAt(i + 1))
          && (i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == '(');
      if (Character.isDigit(c) || negative) {
        // ("between -50 and 50": a minus sign before a number, after a space, is the number's)
        int j = negative ? i + 1 : i;
        while (j < n && (Character.isDigit(text.charAt(j)) || (text.charAt(j) == '.' && j + 1 < n
            && Character.isDigit(text.charAt(j + 1))))) {
          j++;
        }
        if (j < n && Character.isLetter(text.charAt(j))) {
          // "4th", "2nd", "QM-261" parts: a word
          while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '-')) {
            j++;
          }
          String w = text.substring(i, j);
          out.add(new Tok(w, w.toLowerCase(Locale.ROOT), w.toLowerCase(Locale.ROOT), false, false));
        } else {
          String w = text.substring(i, j);
          out.add(new Tok(w, w, w, true, false));
        }
        i = j;
        continue;
      }
      if (Character.isLetter(c)) {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j))
            || (text.charAt(j) == '-' && j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1))))) {
          j++;
        }
        String w = text.substring(i, j);
        String low = w.toLowerCase(Locale.ROOT);
        out.add(new Tok(w, low, stem(low), false, false));
        // "customer's" -> "customer"; "don't" -> "do", "not"
        if (j + 1 < n && text.charAt(j) == '\'' && Character.isLetter(text.charAt(j + 1))) {
          int k = j + 1;
          while (k < n && Character.isLetter(text.charAt(k))) {
            k++;
          }
          if (text.substring(j + 1, k).equalsIgnoreCase("t") && low.endsWith("n")) {
            // the auxiliary without its "n": "don't" reads "do not", "hasn't" "has not"
            String aux = CONTRACTED.get(low);
            if (aux != null) {
              out.set(out.size() - 1, new Tok(w.substring(0, aux.length()), aux, aux, false, false));
            }
            out.add(new Tok("not", "not", "not", false, false));
          }
          j = k;
        }
        i = j;
        continue;
      }
      if ((c == '>' || c == '<') && comparedNumberAfter(text, i + 1)) {
        // "salary > 80000", "age <= 30": the words the symbol stands for
        boolean orEqual = i + 1 < n && text.charAt(i + 1) == '=';
        String[] words = c == '>' ? (orEqual ? new String[] {"at", "least"} : new String[] {"more", "than"})
            : (orEqual ? new String[] {"at", "most"} : new String[] {"less", "than"});
        for (String w : words) {
          out.add(new Tok(w, w, w, false, false));
        }
        i += orEqual ? 2 : 1;
        continue;
      }
      if (c == ',' || c == ';') {
        commas.add(out.size());
      }
      i++;
    }
    for (int k : commas) {
      if (k > 0 && k < out.size()) {
        Tok t = out.get(k);
        out.set(k, new Tok(t.raw(), t.low(), t.stem(), t.number(), t.quoted(), true));
      }
    }
    return comparisonWords(out);
  }

  private static final Set<String> GREATER = Set.of("greater", "larger", "more", "higher", "bigger");
  private static final Set<String> SMALLER = Set.of("less", "smaller", "lower", "fewer");

  /**
   * Comparisons in the words the planner reads: "larger than or equal to 180" as "at least 180". (Number
   * words stay words: "at least two addresses" is a count condition, which the planner reads from them.)
   */
  private static List<Tok> comparisonWords(List<Tok> in) {
    List<Tok> out = new ArrayList<>(in.size());
    for (int k = 0; k < in.size(); k++) {
      Tok t = in.get(k);
      if (k + 4 < in.size() && (GREATER.contains(t.low()) || SMALLER.contains(t.low()))
          && in.get(k + 1).low().equals("than") && in.get(k + 2).low().equals("or")
          && in.get(k + 3).low().equals("equal") && in.get(k + 4).low().equals("to")) {
        String bound = GREATER.contains(t.low()) ? "least" : "most";
        out.add(new Tok("at", "at", "at", false, false, t.afterComma()));
        out.add(new Tok(bound, bound, bound, false, false));
        k += 4;
        continue;
      }
      out.add(t);
    }
    return out;
  }

  /** Past participles that end neither in -ed nor in -en like a regular one (with their verb). */
  static final Map<String, String> IRREGULAR_PARTICIPLES = Map.ofEntries(Map.entry("taught", "teach"),
      Map.entry("written", "write"), Map.entry("held", "hold"), Map.entry("built", "build"),
      Map.entry("sold", "sell"), Map.entry("bought", "buy"), Map.entry("won", "win"), Map.entry("led", "lead"),
      Map.entry("known", "know"), Map.entry("shown", "show"), Map.entry("given", "give"),
      Map.entry("taken", "take"), Map.entry("born", "born"), Map.entry("kept", "keep"),
      Map.entry("spent", "spend"), Map.entry("driven", "drive"), Map.entry("chosen", "choose"),
      Map.entry("done", "do"), Map.entry("brought", "bring"), Map.entry("found", "found"));

  /** Past tenses that do not end in -ed (with their verb). */
  static final Map<String, String> IRREGULAR_PAST = Map.of("became", "become", "left", "leave",
      "began", "begin", "made", "make", "sent", "send", "paid", "pay", "took", "take", "got", "get");

  /**
   * Verbs to the irregular form a question uses for their past ("build" -> "built", "leave" -> "left"), the
   * two tables above turned round: the simple past where a verb has both ("took", not "taken"), and not
   * the words that are their own verb ("born", "found": "founded" is regular).
   */
  private static final Map<String, String> PAST_OF = pastOf();

  private static Map<String, String> pastOf() {
    Map<String, String> out = new java.util.HashMap<>();
    IRREGULAR_PARTICIPLES.forEach((form, verb) -> out.put(verb, form));
    IRREGULAR_PAST.forEach((form, verb) -> out.put(verb, form));
    out.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
    return Map.copyOf(out);
  }

  /** Verbs whose last consonant doubles before -ed ("shipped"). */
  private static final Set<String> DOUBLED = Set.of("ship");

  /** The past tense of {@code verb} as a question writes it: "built", "shipped", "opened", "created". */
  static String pastTense(String verb) {
    String irregular = PAST_OF.get(verb);
    if (irregular != null) {
      return irregular;
    }
    if (DOUBLED.contains(verb)) {
      return verb + verb.charAt(verb.length() - 1) + "ed";
    }
    return verb.endsWith("e") ? verb + "d" : verb + "ed";
  }

  /** Whether a number follows {@code from} (after an optional '=' and spaces): a comparison symbol's operand. */
  private static boolean comparedNumberAfter(String text, int from) {
    int i = from < text.length() && text.charAt(from) == '=' ? from + 1 : from;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i < text.length() && Character.isDigit(text.charAt(i));
  }

  /** Splits an identifier into lower-case words: {@code saleCount_2} -> [sale, count, 2]. */
  static List<String> splitIdentifier(String name) {
    return Words.splitIdentifier(name);
  }

  /** Schema name words, abbreviations expanded and stemmed. */
  static List<String> schemaWords(String identifier) {
    List<String> out = new ArrayList<>();
    for (String w : splitIdentifier(identifier)) {
      for (String part : ABBREVIATIONS.getOrDefault(w, w).split(" ")) {
        out.add(stem(part));
      }
    }
    return out;
  }

  /** A light stemmer: irregular plurals, then regular ones ({@link Words#singular}). */
  static String stem(String w) {
    String irregular = IRREGULAR.get(w);
    return irregular != null ? irregular : Words.singular(w);
  }
}
