package dev.gememu.model;

import dev.gememu.api.ApiException;
import dev.gememu.api.CountTokensRequest;
import dev.gememu.api.CountTokensResponse;
import dev.gememu.api.ModalityTokenCount;
import dev.gememu.api.FinishReason;
import dev.gememu.api.Framing;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.GenerateContentResponse;
import dev.gememu.api.ModelCall;
import dev.gememu.api.Part;
import dev.gememu.api.RequestValidator;
import dev.gememu.api.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The emulated model: validates a request, asks the responders in order what to say, runs the
 * reply's code and assembles Google's response, whole or as stream events.
 */
public final class ContentGenerator {
  private static final int QUOTED_TEXT_LIMIT = 200;

  private final ModelCatalog catalog;
  private final List<Responder> responders;
  private final TurnRunner turnRunner;
  private final TokenEstimator tokens;
  private final Supplier<String> responseIds;
  private final InputFiles inputFiles;

  public ContentGenerator(ModelCatalog catalog, List<Responder> responders, TurnRunner turnRunner,
      TokenEstimator tokens, Supplier<String> responseIds, InputFiles inputFiles) {
    this.inputFiles = inputFiles;
    this.catalog = catalog;
    this.responders = List.copyOf(responders);
    this.turnRunner = turnRunner;
    this.tokens = tokens;
    this.responseIds = responseIds;
  }

  /** A validated request with the reply decided: what remains is running it. */
  public final class Turn {
    private final ModelInfo model;
    private final Reply reply;
    private final int promptTokens;
    private final Map<String, byte[]> inputFiles;
    private final TurnObserver observation;
    private final String responseId = responseIds.get();
    private volatile List<ExecutedCode> executed = List.of();

    private Turn(ModelInfo model, Reply reply, int promptTokens, Map<String, byte[]> inputFiles,
        TurnObserver observation) {
      this.model = model;
      this.reply = reply;
      this.promptTokens = promptTokens;
      this.inputFiles = inputFiles;
      this.observation = observation;
    }

    /** Who decided the reply, e.g. a fixture's name and file. */
    public String source() {
      return reply.source();
    }

    /** Whether the reply is an answer to send as recorded ({@link #send}) rather than steps to run. */
    public boolean verbatim() {
      return reply instanceof Reply.Verbatim;
    }

    /** Sends a verbatim reply in the framing the client asked for. */
    public void send(Framing framing, WireSink sink) {
      if (!(reply instanceof Reply.Verbatim verbatim)) {
        throw new IllegalStateException("only a verbatim reply is sent as recorded, not " + reply);
      }
      try {
        verbatim.answer().send(framing, sink);
      } catch (RuntimeException e) {
        observation.failed(reply, e);
        throw e;
      }
      observation.answered(reply, List.of());
    }

    /** The code that ran, once the reply has been run; empty before. */
    public List<ExecutedCode> executed() {
      return executed;
    }

    /** Runs the reply and returns the whole response. */
    public GenerateContentResponse complete() {
      List<Part> parts = new ArrayList<>();
      run(parts::add);
      return response(parts, FinishReason.STOP, parts);
    }

    private void run(Consumer<Part> sink) {
      if (!(reply instanceof Reply.Scripted scripted)) {
        throw new IllegalStateException("only a scripted reply is run, not " + reply);
      }
      try {
        executed = List.copyOf(turnRunner.run(scripted, model, inputFiles, sink));
      } catch (RuntimeException e) {
        observation.failed(reply, e);
        throw e;
      }
      observation.answered(reply, executed);
    }

    /**
     * Runs the reply, handing each event to the sink as soon as it exists. Text parts are split into
     * chunks; each code and result part comes whole in its own event. The last event must carry
     * {@code finishReason}, so the newest chunk is held back until the next one exists, except an
     * {@code executableCode} part: its result always follows, so it goes out before the code runs.
     */
    public void stream(Consumer<GenerateContentResponse> events) {
      EventStream stream = new EventStream(events);
      run(stream::part);
      stream.finish();
    }

    /** Usage in each event counts whole parts, so the last event's figures equal {@link #complete()}'s. */
    private final class EventStream {
      private final Consumer<GenerateContentResponse> events;
      private final List<Part> produced = new ArrayList<>();
      private Part held;
      private List<Part> heldCounts;

      EventStream(Consumer<GenerateContentResponse> events) {
        this.events = events;
      }

      void part(Part part) {
        List<Part> chunks = StreamChunker.chunks(part);
        StringBuilder textSoFar = new StringBuilder();
        for (Part chunk : chunks) {
          release();
          List<Part> counts = new ArrayList<>(produced);
          if (chunks.size() == 1) {
            counts.add(part);
          } else {
            counts.add(StreamChunker.withText(part, textSoFar.append(chunk.text()).toString()));
          }
          held = chunk;
          heldCounts = counts;
        }
        produced.add(part);
        if (part.executableCode() != null) {
          release();
        }
      }

      private void release() {
        if (held != null) {
          events.accept(response(List.of(held), null, heldCounts));
          held = null;
        }
      }

      /**
       * Gemini 2.x ends with the last chunk and {@code finishReason}; Gemini 3 sends that chunk unsigned
       * and ends with an empty text part holding the signature, as its real streams do.
       */
      void finish() {
        if (!model.gemini3()) {
          events.accept(response(held == null ? List.of() : List.of(held), FinishReason.STOP, produced));
          return;
        }
        Part end = TurnRunner.sign(Part.text(""));
        if (held != null && held.thoughtSignature() != null) {
          end = Part.text("").withThoughtSignature(held.thoughtSignature());
          held = held.withThoughtSignature(null);
        }
        release();
        events.accept(response(List.of(end), FinishReason.STOP, produced));
      }
    }

    private GenerateContentResponse response(List<Part> parts, FinishReason finish, List<Part> counted) {
      return GenerateContentResponse.of(parts, finish, tokens.usage(promptTokens, counted), model.id(), responseId);
    }
  }

  /** Validates the request and decides the reply; throws {@link ApiException} before anything is sent. */
  public Turn prepare(ModelCall call, GenerateContentRequest request) {
    return prepare(call, request, TurnObserver.NONE);
  }

  /** As {@link #prepare(ModelCall, GenerateContentRequest)}, telling the observer how the call ends. */
  public Turn prepare(ModelCall call, GenerateContentRequest request, TurnObserver observation) {
    Reply reply = null;
    try {
      ModelInfo model = catalog.require(call);
      RequestValidator.validate("GenerateContentRequest", request.contents());
      GenerationSettings.check(model, request.generationConfig());
      List<InputFiles.InputFile> inputs = inputFiles.of(request);
      reply = decide(call, request);
      if (reply instanceof Reply.Failure failure) {
        throw failure.error();
      } else if (reply instanceof Reply.Scripted || reply instanceof Reply.Verbatim) {
        int prompt = tokens.promptTokens(request.contents(), request.systemInstruction());
        return new Turn(model, reply, prompt, InputFiles.contents(inputs), observation);
      } else {
        throw new IllegalStateException("unknown kind of reply: " + reply);
      }
    } catch (RuntimeException e) {
      observation.failed(reply, e);
      throw e;
    }
  }

  public GenerateContentResponse generate(ModelCall call, GenerateContentRequest request) {
    return prepare(call, request).complete();
  }

  /** Counts a prompt exactly as {@code promptTokenCount} would for the same contents. */
  public CountTokensResponse countTokens(ModelCall call, CountTokensRequest request) {
    catalog.require(call);
    GenerateContentRequest whole = request.generateContentRequest();
    int total;
    if (whole != null) {
      RequestValidator.validate("CountTokensRequest.generate_content_request", whole.contents());
      total = tokens.promptTokens(whole.contents(), whole.systemInstruction());
    } else {
      if (request.contents() != null && !request.contents().isEmpty()) {
        RequestValidator.validate("CountTokensRequest", request.contents());
      }
      total = tokens.countContents(request.contents());
    }
    return new CountTokensResponse(total, null, List.of(ModalityTokenCount.text(total)));
  }

  private Reply decide(ModelCall call, GenerateContentRequest request) {
    List<Lookup.Missing> misses = new ArrayList<>();
    for (Responder responder : responders) {
      Lookup lookup = responder.respond(call, request);
      if (lookup instanceof Lookup.Found found) {
        return found.reply();
      }
      misses.add((Lookup.Missing) lookup);
    }
    throw new ApiException(Status.NOT_FOUND, "gememu has no reply for this request (model " + call.model()
        + ", last user text \"" + abbreviate(request.lastUserText()) + "\"). Tried:"
        + misses.stream().map(miss -> "\n- " + miss.explanation().get()).collect(Collectors.joining())
        + "\nTo get a reply, put the Python to run in a ```python fenced block of the last user turn"
        + " and enable the code execution tool, or add a fixture that matches this request.");
  }

  private static String abbreviate(String text) {
    return text.length() <= QUOTED_TEXT_LIMIT ? text : text.substring(0, QUOTED_TEXT_LIMIT) + "…";
  }
}
