package io.github.nl2sql.internal.plan;

import io.github.nl2sql.Answer.Clarification;
import io.github.nl2sql.ModelSettings.OutputMode;
import io.github.nl2sql.Nl2SqlException;
import io.github.nl2sql.internal.json.Json;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a model answered: SQL in a code block, IR JSON, a clarification, or a refusal. Internal. */
final class ModelOutput {
  private static final Pattern FENCE = Pattern.compile("```(?:sql|json|SQL|JSON)?\\s*\\n?(.*?)```", Pattern.DOTALL);

  private ModelOutput() {}

  static Plan read(String text, OutputMode mode, double confidence) {
    if (text == null || text.isBlank()) {
      return new Plan.Unreadable(text == null ? "" : text, "the answer was empty");
    }
    String t = text.strip();
    if (t.startsWith("CANNOT:")) {
      return new Plan.Abstain(t.substring("CANNOT:".length()).strip());
    }
    if (t.startsWith("CLARIFY:")) {
      String prompt = null;
      List<Clarification.Option> options = new ArrayList<>();
      for (String line : t.split("\\R")) {
        String l = line.strip();
        if (l.startsWith("CLARIFY:")) {
          prompt = l.substring(8).strip();
        } else if (l.startsWith("OPTION:")) {
          String o = l.substring(7).strip();
          options.add(new Clarification.Option(options.size() + 1, o, o));
        }
      }
      if (prompt == null || prompt.isEmpty() || options.size() < 2) {
        return new Plan.Unreadable(text, "a clarification needs a question and at least two OPTION lines");
      }
      return new Plan.Clarify(Clarification.Kind.OTHER, prompt, options);
    }
    String body = t;
    Matcher m = FENCE.matcher(t);
    if (m.find()) {
      body = m.group(1).strip();
    }
    if (mode == OutputMode.IR_JSON || body.startsWith("{")) {
      if (!body.startsWith("{")) {
        return new Plan.Unreadable(text, "expected one JSON object describing the query");
      }
      try {
        Statement s = Json.readStatement(body);
        return Plan.Draft.of(s, confidence, "written by a language model (IR)");
      } catch (Nl2SqlException e) {
        return new Plan.Unreadable(text, e.getMessage());
      }
    }
    if (body.endsWith(";")) {
      body = body.substring(0, body.length() - 1).strip();
    }
    return Plan.Draft.ofSql(body, confidence, "written by a language model");
  }
}
