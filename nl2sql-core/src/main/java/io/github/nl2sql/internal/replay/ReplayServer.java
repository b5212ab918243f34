package io.github.nl2sql.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.nl2sql.internal.plan.PromptBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays recorded model answers over HTTP, speaking the OpenAI chat-completions API
 * ({@code POST /v1/chat/completions} or {@code /chat/completions}) and Ollama's {@code POST /api/chat}.
 *
 * <p>A record is {@code {"db_id", "question", "response"}}: {@code response} is what the model said (SQL
 * or IR JSON), or a list of what it said on successive calls for that question; the last one repeats.
 * The server finds the question and database in the prompt's {@code Question:} and {@code Database:}
 * lines ({@link PromptBuilder}). Two directives stand in for failures: a response {@code
 * "@http 500"} answers with that HTTP status, and {@code "@sleep 3000 <text>"} waits that many
 * milliseconds before answering {@code <text>}. A question with no record gets {@code CANNOT: ...}.
 * Binds to the loopback address on a free port. Thread-safe.
 */
public final class ReplayServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded question. */
  public record Record(String dbId, String question, List<String> responses) {
    public Record {
      responses = List.copyOf(responses);
      if (responses.isEmpty()) {
        throw new IllegalArgumentException("a record needs at least one response");
      }
    }
  }

  private final Map<String, Record> byKey = new HashMap<>();
  private final Map<String, Record> byQuestion = new HashMap<>();
  private final Map<String, AtomicInteger> callsByKey = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> userMessages = java.util.Collections.synchronizedList(new ArrayList<>());
  private final HttpServer server;

  /** Starts a server replaying {@code records}. */
  public ReplayServer(List<Record> records) {
    for (Record r : records) {
      byKey.put(key(r.dbId(), r.question()), r);
      byQuestion.putIfAbsent(norm(r.question()), r);
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the replay server", e);
    }
    server.createContext("/v1/chat/completions", ex -> handle(ex, false));
    server.createContext("/chat/completions", ex -> handle(ex, false));
    server.createContext("/api/chat", ex -> handle(ex, true));
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "nl2sql-replay");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /**
   * Reads a JSONL replay file: one object a line with {@code db_id}, {@code question} and
   * {@code response} (a string or a list of strings); blank lines are skipped.
   *
   * @throws IllegalArgumentException naming the line when a line is malformed
   */
  public static List<Record> read(Path file) throws IOException {
    List<Record> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode o = JSON.readTree(line);
        JsonNode resp = o.get("response");
        List<String> responses = new ArrayList<>();
        if (resp != null && resp.isArray()) {
          resp.forEach(x -> responses.add(x.isTextual() ? x.asText() : x.toString()));
        } else if (resp != null) {
          responses.add(resp.isTextual() ? resp.asText() : resp.toString());
        }
        out.add(new Record(o.path("db_id").asText(null), o.get("question").asText(), responses));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + " line " + n + ": not a replay record: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The OpenAI-style base URL ({@code http://127.0.0.1:PORT/v1}). */
  public String openAiBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The Ollama-style base URL ({@code http://127.0.0.1:PORT}). */
  public String ollamaBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many chat requests were served. */
  public int calls() {
    return calls.get();
  }

  /**
   * The user message of every chat request served, oldest first (what the model was shown: the schema
   * subset, the conversation and the question). A copy.
   */
  public List<String> userMessages() {
    synchronized (userMessages) {
      return List.copyOf(userMessages);
    }
  }

  private static String norm(String q) {
    return q == null ? "" : q.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String key(String db, String q) {
    return (db == null ? "" : db) + "\u0000" + norm(q);
  }

  private void handle(HttpExchange ex, boolean ollama) throws IOException {
    try (ex) {
      calls.incrementAndGet();
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, 405, "{\"error\":\"POST only\"}");
        return;
      }
      JsonNode req = JSON.readTree(ex.getRequestBody());
      String user = "";
      for (JsonNode m : req.path("messages")) {
        if ("user".equals(m.path("role").asText())) {
          user = m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString();
        }
      }
      userMessages.add(user);
      String question = null;
      String db = null;
      for (String line : user.split("\\R")) {
        if (line.startsWith(PromptBuilder.QUESTION_PREFIX)) {
          question = line.substring(PromptBuilder.QUESTION_PREFIX.length());
        } else if (line.startsWith(PromptBuilder.DATABASE_PREFIX)) {
          db = line.substring(PromptBuilder.DATABASE_PREFIX.length()).strip();
        }
      }
      String k = key(db, question);
      Record r = byKey.get(k);
      if (r == null) {
        r = byQuestion.get(norm(question));
      }
      String content;
      if (r == null) {
        content = "CANNOT: no recorded answer for this question";
      } else {
        int i = callsByKey.computeIfAbsent(key(r.dbId(), r.question()), x -> new AtomicInteger()).getAndIncrement();
        content = r.responses().get(Math.min(i, r.responses().size() - 1));
      }
      if (content.startsWith("@http ")) {
        int status = Integer.parseInt(content.substring(6).strip().split("\\s+")[0]);
        send(ex, status, "{\"error\":{\"message\":\"replayed HTTP " + status + "\",\"type\":\"server_error\"}}");
        return;
      }
      if (content.startsWith("@sleep ")) {
        String[] parts = content.substring(7).split("\\s+", 2);
        try {
          Thread.sleep(Long.parseLong(parts[0]));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        content = parts.length > 1 ? parts[1] : "";
      }
      String model = req.path("model").asText("replay");
      ObjectNode out = JSON.createObjectNode();
      if (ollama) {
        out.put("model", model);
        out.put("created_at", "2026-01-01T00:00:00Z");
        ObjectNode msg = out.putObject("message");
        msg.put("role", "assistant");
        msg.put("content", content);
        out.put("done", true);
        out.put("done_reason", "stop");
      } else {
        out.put("id", "replay-" + calls.get());
        out.put("object", "chat.completion");
        out.put("created", 0);
        out.put("model", model);
        ArrayNode choices = out.putArray("choices");
        ObjectNode ch = choices.addObject();
        ch.put("index", 0);
        ObjectNode msg = ch.putObject("message");
        msg.put("role", "assistant");
        msg.put("content", content);
        ch.put("finish_reason", "stop");
        ObjectNode usage = out.putObject("usage");
        usage.put("prompt_tokens", 0);
        usage.put("completion_tokens", 0);
        usage.put("total_tokens", 0);
      }
      send(ex, 200, JSON.writeValueAsString(out));
    } catch (RuntimeException e) {
      try {
        send(ex, 400, "{\"error\":{\"message\":\"bad request\"}}");
      } catch (IOException ignored) {
        // the client went away
      }
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
