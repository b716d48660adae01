package dev.gememu.journal;

import dev.gememu.api.Content;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.Part;
import dev.gememu.model.ExecutedCode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The request journal: a summary of each captured exchange with the API (the store keeps the
 * latest ones), with the reply's source, the code that ran, the outcome, timings and drift.
 */
public final class Journal {
  private final ExchangeStore exchanges;

  public Journal(ExchangeStore exchanges) {
    this.exchanges = exchanges;
  }

  /** The entries, oldest first. */
  public List<JournalEntry> entries() {
    return exchanges.all().stream().map(Journal::entry).toList();
  }

  public void clear() {
    exchanges.clear();
  }

  static JournalEntry entry(Exchange exchange) {
    ModelTurn turn = exchange.turn();
    GenerateContentRequest request = turn == null ? null : turn.request();
    boolean contents = request != null && request.contents() != null;
    List<JournalEntry.CodeRun> code = new ArrayList<>();
    for (ExecutedCode run : turn == null ? List.<ExecutedCode>of() : turn.code()) {
      code.add(new JournalEntry.CodeRun(run.code(), run.outcome().name(), run.output(), run.expectedOutput(),
          run.drifted(), run.elapsed() == null ? 0 : run.elapsed().toMillis(), run.executor()));
    }
    return new JournalEntry(exchange.id(), exchange.start().toString(),
        turn != null ? turn.method() : verb(exchange), turn != null ? turn.model() : model(exchange.path()),
        contents ? request.lastUserText() : "", contents ? turns(request.contents()) : List.of(),
        turn == null ? null : turn.reply(), exchange.status(), exchange.error(), code, turn != null && turn.drift(),
        exchange.duration().toMillis(), turn == null ? List.of() : turn.ignoredFields(),
        exchange.method() + " " + exchange.path(), exchange.answeredBy());
  }

  /** The custom verb after the last colon of the path, else the HTTP method (a models list or get). */
  private static String verb(Exchange exchange) {
    String last = exchange.path().substring(exchange.path().lastIndexOf('/') + 1);
    int colon = last.lastIndexOf(':');
    return colon < 0 ? exchange.method() : last.substring(colon + 1);
  }

  private static String model(String path) {
    int models = path.indexOf("/models/");
    if (models < 0) {
      return null;
    }
    String rest = path.substring(models + "/models/".length());
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  private static List<String> turns(List<Content> contents) {
    List<String> turns = new ArrayList<>();
    for (Content content : contents) {
      StringJoiner kinds = new StringJoiner(", ", content.effectiveRole() + ": ", "");
      for (Part part : content.parts() == null ? List.<Part>of() : content.parts()) {
        kinds.add(kind(part));
      }
      turns.add(kinds.toString());
    }
    return turns;
  }

  private static String kind(Part part) {
    if (part.text() != null) {
      return Boolean.TRUE.equals(part.thought()) ? "thought" : "text";
    }
    if (part.executableCode() != null) {
      return "executableCode";
    }
    if (part.codeExecutionResult() != null) {
      return "codeExecutionResult";
    }
    if (part.inlineData() != null) {
      return "inlineData";
    }
    if (part.fileData() != null) {
      return "fileData";
    }
    return part.functionCall() != null ? "functionCall" : part.functionResponse() != null ? "functionResponse" : "other";
  }
}
