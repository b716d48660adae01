package dev.gememu.model;

import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a prompt that carries its own Python in a fenced {@code ```python} block: with the code
 * execution tool enabled, the model runs that code; without it, the model only says it could.
 */
public final class InlineCodeResponder implements Responder {
  private static final Pattern PYTHON_FENCE =
      Pattern.compile("```(?:python|py)[ \\t]*\\r?\\n(.*?)```", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  @Override
  public Lookup respond(ModelCall call, GenerateContentRequest request) {
    Matcher fence = PYTHON_FENCE.matcher(request.lastUserText());
    if (!fence.find()) {
      return new Lookup.Missing(() -> "inline code: the last user turn has no ```python fenced block.");
    }
    String code = fence.group(1);
    if (!request.enablesCodeExecution()) {
      return new Lookup.Found(new Reply.Scripted(List.of(new Step.Text(
          "Your message contains Python code, but the code execution tool is not enabled for this"
              + " request, so I did not run it. Add {\"codeExecution\": {}} to \"tools\" to have it run.")),
          "inline code (tool disabled)"));
    }
    return new Lookup.Found(new Reply.Scripted(List.of(
        new Step.Text("I will run the Python code from your message."),
        Step.Code.of(code),
        new Step.Text("The code ran with outcome {{outcome}}. Its output:\n```\n{{output}}```")),
        "inline code"));
  }
}
