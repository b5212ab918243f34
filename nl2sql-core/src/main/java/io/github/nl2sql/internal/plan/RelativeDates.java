package io.github.nl2sql.internal.plan;

import io.github.nl2sql.internal.plan.Tokens.Tok;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

/**
 * Finds relative and calendar date expressions in a tokenized question and turns them into half-open
 * date ranges {@code [from, to)} computed from a given "today". Internal, not API.
 *
 * <p>Supported: "today", "yesterday"; "this week|month|quarter|year" (the current calendar period);
 * "last|previous week|month|quarter|year" (the previous calendar period; weeks start on Monday);
 * "(in|during|over|within) the last|past N days|weeks|months|years" and "the past week|month|year"
 * (a rolling window of N units ending with today, today included); "since YEAR" (from 1 January of
 * YEAR up to and including today); "in|during YEAR" (that calendar year). Recognised but not supported
 * (reported as {@link Unsupported} so the caller abstains rather than guessing): "next ..." periods,
 * "N units ago", "last weekend", fiscal periods. Stateless and thread-safe.
 */
final class RelativeDates {
  private RelativeDates() {}

  private static final Set<String> UNITS = Set.of("day", "days", "week", "weeks", "month", "months",
      "quarter", "quarters", "year", "years");

  /** What was found: a range, or an expression that is recognised but not supported. */
  sealed interface Found permits Range, Unsupported {
    /** The first token of the expression. */
    int start();

    /** One past the last token of the expression. */
    int end();

    /** The expression as written. */
    String text();
  }

  /**
   * A date range {@code [from, to)}.
   *
   * @param calendarYear true for the bare-year forms ("in 2025", "since 2024"), which a numeric year
   *     column may claim instead
   */
  record Range(int start, int end, String text, LocalDate from, LocalDate to, boolean calendarYear)
      implements Found {}

  /** A relative date expression the planner does not read. */
  record Unsupported(int start, int end, String text) implements Found {}

  /**
   * The first date expression in {@code toks} that starts at or after {@code from}, skipping tokens
   * already {@code used}; {@code null} when there is none.
   */
  static Found find(List<Tok> toks, boolean[] used, int from, LocalDate today) {
    for (int i = from; i < toks.size(); i++) {
      if (used[i]) {
        continue;
      }
      Found f = at(toks, i, today);
      if (f != null) {
        for (int k = f.start(); k < f.end(); k++) {
          if (used[k]) {
            f = null;
            break;
          }
        }
      }
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static String low(List<Tok> toks, int i) {
    return i >= 0 && i < toks.size() && !toks.get(i).quoted() ? toks.get(i).low() : "";
  }

  private static String text(List<Tok> toks, int s, int e) {
    StringBuilder sb = new StringBuilder();
    for (int i = s; i < e; i++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(toks.get(i).raw());
    }
    return sb.toString();
  }

  private static String unit(String w) {
    return w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
  }

  /** The expression starting at token {@code i}, or null. */
  static Found at(List<Tok> toks, int i, LocalDate today) {
    String w = low(toks, i);
    switch (w) {
      case "today":
        return new Range(i, i + 1, "today", today, today.plusDays(1), false);
      case "yesterday":
        return new Range(i, i + 1, "yesterday", today.minusDays(1), today, false);
      case "tomorrow":
        return new Unsupported(i, i + 1, "tomorrow");
      default:
        break;
    }
    // "in the last 30 days", "over the past 6 months", "within the last 2 weeks", "the past year"
    int k = i;
    boolean lead = false;
    if (low(toks, k).matches("in|during|over|within|for")) {
      k++;
      lead = true;
    }
    if (low(toks, k).equals("the")) {
      k++;
      lead = true;
    }
    String rel = low(toks, k);
    if ((rel.equals("last") || rel.equals("past") || rel.equals("previous")) && k + 1 < toks.size()) {
      Tok n = toks.get(k + 1);
      if (n.number() && !n.raw().contains(".") && UNITS.contains(low(toks, k + 2))) {
        long count = Long.parseLong(n.raw());
        if (count < 1 || count > 10_000) {
          return new Unsupported(lead ? i : k, k + 3, text(toks, lead ? i : k, k + 3));
        }
        String u = unit(low(toks, k + 2));
        LocalDate to = today.plusDays(1);
        LocalDate start = switch (u) {
          case "day" -> today.minusDays(count - 1);
          case "week" -> today.minusWeeks(count).plusDays(1);
          case "month" -> today.minusMonths(count).plusDays(1);
          case "quarter" -> today.minusMonths(3 * count).plusDays(1);
          default -> today.minusYears(count).plusDays(1);
        };
        int s = lead ? i : k;
        return new Range(s, k + 3, text(toks, s, k + 3), start, to, false);
      }
      String u = low(toks, k + 1);
      if (u.equals("weekend")) {
        return new Unsupported(lead ? i : k, k + 2, text(toks, lead ? i : k, k + 2));
      }
      if (UNITS.contains(u) && !u.endsWith("s") && !u.equals("day")) {
        int s = lead ? i : k;
        if (rel.equals("past")) {
          // "the past month": a rolling window of one unit ending today
          LocalDate start = switch (u) {
            case "week" -> today.minusWeeks(1).plusDays(1);
            case "month" -> today.minusMonths(1).plusDays(1);
            case "quarter" -> today.minusMonths(3).plusDays(1);
            default -> today.minusYears(1).plusDays(1);
          };
          return new Range(s, k + 2, text(toks, s, k + 2), start, today.plusDays(1), false);
        }
        LocalDate cur = periodStart(u, today);
        LocalDate prev = minus(u, cur);
        return new Range(s, k + 2, text(toks, s, k + 2), prev, cur, false);
      }
      return null;
    }
    if (rel.equals("this") || rel.equals("current")) {
      String u = low(toks, k + 1);
      if (u.equals("fiscal") || u.equals("weekend")) {
        return new Unsupported(k, k + 2, text(toks, k, k + 2));
      }
      if (UNITS.contains(u) && !u.endsWith("s") && !u.equals("day")) {
        int s = lead ? i : k;
        LocalDate cur = periodStart(u, today);
        return new Range(s, k + 2, text(toks, s, k + 2), cur, plus(u, cur), false);
      }
      return null;
    }
    if (rel.equals("next") && UNITS.contains(low(toks, k + 1))) {
      return new Unsupported(k, k + 2, text(toks, k, k + 2));
    }
    // "3 days ago"
    if (toks.get(i).number() && UNITS.contains(low(toks, i + 1)) && low(toks, i + 2).equals("ago")) {
      return new Unsupported(i, i + 3, text(toks, i, i + 3));
    }
    // "since 2024", "in 2025", "during 2023"
    if ((w.equals("since") || w.equals("in") || w.equals("during")) && i + 1 < toks.size()) {
      Tok y = toks.get(i + 1);
      if (y.number() && y.raw().matches("(19|20)\\d\\d")) {
        int year = Integer.parseInt(y.raw());
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = w.equals("since") ? today.plusDays(1) : start.plusYears(1);
        return new Range(i, i + 2, text(toks, i, i + 2), start, end, true);
      }
    }
    return null;
  }

  /** The first day of the calendar period of {@code unit} that contains {@code d}. */
  static LocalDate periodStart(String unit, LocalDate d) {
    return switch (unit) {
      case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> d.withDayOfMonth(1);
      case "quarter" -> LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
      default -> d.withDayOfYear(1);
    };
  }

  private static LocalDate plus(String unit, LocalDate d) {
    return switch (unit) {
      case "week" -> d.plusWeeks(1);
      case "month" -> d.plusMonths(1);
      case "quarter" -> d.plusMonths(3);
      default -> d.plusYears(1);
    };
  }

  private static LocalDate minus(String unit, LocalDate d) {
    return switch (unit) {
      case "week" -> d.minusWeeks(1);
      case "month" -> d.minusMonths(1);
      case "quarter" -> d.minusMonths(3);
      default -> d.minusYears(1);
    };
  }
}
