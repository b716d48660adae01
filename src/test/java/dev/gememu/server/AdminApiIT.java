package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gememu.testing.RawHttp;
import dev.gememu.testing.RunningGememu;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API under {@code /__gememu/}, over raw HTTP. */
class AdminApiIT {
  static final String ASK = "/v1beta/models/gemini-2.5-flash:generateContent";
  @RegisterExtension
  static final RunningGememu server = RunningGememu.withDefaults();

  @BeforeEach
  void clean() {
    server.admin().reset();
    server.admin().clearJournal();
  }

  @Test
  void healthSaysOkWithCounts() {
    HttpResponse<String> response = server.http().get("/__gememu/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RawHttp.tree(response.body())).isEqualTo(RawHttp.tree("""
        {"status": "ok", "fixtures": 0, "problems": 0}"""));
  }

  @Test
  void addsAJsonFixtureThatThenAnswersAndIsListed() {
    HttpResponse<String> added = server.admin().add("""
        {"name": "json-one", "match": {"lastUserText": "json?"}, "reply": [{"text": "JSON!"}]}""",
        "application/json");

    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(RawHttp.tree(added.body()).get("origin").asText()).isEqualTo("admin");
    assertThat(text(server.http().post(ASK, prompt("json?")))).isEqualTo("JSON!");
    JsonNode listed = server.admin().fixtures().get("fixtures").get(0);
    assertThat(listed.get("name").asText()).isEqualTo("json-one");
    assertThat(listed.get("calls").asInt()).isEqualTo(1);
    assertThat(listed.at("/fixture/reply/0/text").asText()).isEqualTo("JSON!");
  }

  @Test
  void addsAYamlFixtureAndNamesItWhenUnnamed() {
    HttpResponse<String> added = server.admin().add("""
        match:
          lastUserText: {regex: "^yaml"}
        reply:
          - code: print('from yaml')
          - text: "{{output.trim}}"
        """, "application/yaml");

    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(RawHttp.tree(added.body()).get("name").asText()).isEqualTo("admin-1");
    JsonNode parts = RawHttp.tree(server.http().post(ASK, prompt("yaml please")).body()).at("/candidates/0/content/parts");
    assertThat(parts.get(2).get("text").asText()).isEqualTo("from yaml");
  }

  @Test
  void rejectsABrokenBodyWithAnInvalidArgumentEnvelopeNamingTheLine() {
    HttpResponse<String> response = server.admin().add("match: {}\nreply:\n  - text: a\n    code: b\n", "application/yaml");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = RawHttp.tree(response.body()).get("error");
    assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.get("message").asText()).startsWith("Invalid fixture: admin:")
        .contains("this one has text and code");
  }

  @Test
  void rejectsADuplicateName() {
    String body = "{\"name\": \"twice\", \"reply\": [{\"text\": \"x\"}]}";
    server.admin().add(body, "application/json");

    HttpResponse<String> second = server.admin().add(body, "application/json");

    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(RawHttp.tree(second.body()).at("/error/message").asText())
        .isEqualTo("a fixture named \"twice\" already exists (admin); remove it first or choose another name");
  }

  @Test
  void removesAFixtureAndAnswers404ForOneThatIsNotThere() {
    server.admin().add("{\"name\": \"gone\", \"match\": {\"lastUserText\": \"gone?\"}, \"reply\": [{\"text\": \"x\"}]}",
        "application/json");

    assertThat(server.admin().delete("/__gememu/fixtures/gone").statusCode()).isEqualTo(200);
    assertThat(server.http().post(ASK, prompt("gone?")).statusCode()).isEqualTo(404);
    HttpResponse<String> again = server.admin().delete("/__gememu/fixtures/gone");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(RawHttp.tree(again.body()).at("/error/status").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void removesAFixtureWhoseNameHasASlashAsFilesInSubdirectoriesAreNamed() {
    server.admin().add("{\"name\": \"team/gone\", \"reply\": [{\"text\": \"x\"}]}", "application/json");

    assertThat(server.admin().delete("/__gememu/fixtures/team/gone").statusCode()).isEqualTo(200);
    assertThat(server.admin().fixtures().get("fixtures")).isEmpty();
  }

  @Test
  void resetDropsAdditionsAndRestartsSequences() {
    server.admin().add("""
        {"name": "seq", "match": {"lastUserText": "seq"},
         "sequence": [{"reply": [{"text": "first"}]}, {"reply": [{"text": "second"}]}]}""", "application/json");
    assertThat(text(server.http().post(ASK, prompt("seq")))).isEqualTo("first");
    assertThat(text(server.http().post(ASK, prompt("seq")))).isEqualTo("second");
    assertThat(text(server.http().post(ASK, prompt("seq")))).isEqualTo("second");

    server.admin().reset();

    assertThat(server.admin().fixtures().get("fixtures")).isEmpty();
  }

  @Test
  void journalsEachCallWithItsReplySourceCodeOutcomeAndErrorsAndCanBeCleared() {
    server.admin().add("{\"name\": \"j\", \"match\": {\"lastUserText\": \"journal\"}, \"reply\": [{\"code\": \"print(1)\"}]}",
        "application/json");
    server.http().post(ASK, prompt("journal"));
    server.http().post(ASK, prompt("nothing matches this"));

    JsonNode entries = server.admin().journal();
    assertThat(entries).hasSize(2);
    JsonNode answered = entries.get(0);
    assertThat(answered.get("id").asLong()).isLessThan(entries.get(1).get("id").asLong());
    assertThat(answered.get("model").asText()).isEqualTo("gemini-2.5-flash");
    assertThat(answered.get("method").asText()).isEqualTo("generateContent");
    assertThat(answered.get("lastUserText").asText()).isEqualTo("journal");
    assertThat(answered.get("reply").asText()).isEqualTo("fixture j (admin)");
    assertThat(answered.get("status").asInt()).isEqualTo(200);
    assertThat(answered.at("/code/0/code").asText()).isEqualTo("print(1)");
    assertThat(answered.at("/code/0/outcome").asText()).isEqualTo("OUTCOME_OK");
    assertThat(answered.at("/code/0/output").asText()).isEqualTo("1\n");
    assertThat(answered.get("drift").asBoolean()).isFalse();
    assertThat(answered.get("time").asText()).endsWith("Z");
    JsonNode missed = entries.get(1);
    assertThat(missed.get("status").asInt()).isEqualTo(404);
    assertThat(missed.get("error").asText()).contains("gememu has no reply for this request");

    assertThat(server.admin().clearJournal().statusCode()).isEqualTo(200);
    assertThat(server.admin().journal()).isEmpty();
  }

  @Test
  void unknownAdminPathsAnswerInGooglesEnvelope() {
    HttpResponse<String> response = server.http().get("/__gememu/nothing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(RawHttp.tree(response.body()).at("/error/status").asText()).isEqualTo("NOT_FOUND");
  }

  private static String prompt(String text) {
    return "{\"contents\": [{\"parts\": [{\"text\": \"" + text + "\"}]}]}";
  }

  private static String text(HttpResponse<String> response) {
    return RawHttp.tree(response.body()).at("/candidates/0/content/parts/0/text").asText();
  }
}
