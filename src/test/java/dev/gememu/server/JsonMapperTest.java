package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gememu.api.CodeExecutionResult;
import dev.gememu.api.ExecutableCode;
import dev.gememu.api.FinishReason;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.GenerateContentResponse;
import dev.gememu.api.Outcome;
import dev.gememu.api.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMapperTest {
  private final ObjectMapper mapper = JsonMapper.create();

  @Test
  void readsSnakeCaseAndCamelCaseFieldNames() throws Exception {
    GenerateContentRequest request = mapper.readValue("""
        {"contents": [{"parts": [{"executable_code": {"language": "PYTHON", "code": "print(1)"}}]}],
         "system_instruction": {"parts": [{"text": "be brief"}]},
         "tools": [{"code_execution": {}}],
         "generationConfig": {"max_output_tokens": 10, "thinkingConfig": {"include_thoughts": true}}}
        """, GenerateContentRequest.class);

    assertThat(request.enablesCodeExecution()).isTrue();
    assertThat(request.contents().get(0).parts().get(0).executableCode().code()).isEqualTo("print(1)");
    assertThat(request.systemInstruction().joinedText()).isEqualTo("be brief");
    assertThat(request.generationConfig().maxOutputTokens()).isEqualTo(10);
    assertThat(request.generationConfig().thinkingConfig().includeThoughts()).isTrue();
  }

  @Test
  void readsTheRequestFieldsTheJsSdksSendBeyondTheJavaSdk() throws Exception {
    GenerateContentRequest request = mapper.readValue("""
        {"contents": [{"parts": [{"text": "hi"}]}],
         "continuationToken": "Y29udGludWU=",
         "generationConfig": {"audioTranscriptionConfig": {"languageCodes": ["en-US"]}}}
        """, GenerateContentRequest.class);

    assertThat(request.continuationToken()).isEqualTo("Y29udGludWU=");
    assertThat(request.generationConfig().audioTranscriptionConfig().path("languageCodes").get(0).asText())
        .isEqualTo("en-US");
  }

  @Test
  void readsThePartFieldsTheJsSdkSendsBeyondTheJavaSdk() throws Exception {
    GenerateContentRequest request = mapper.readValue("""
        {"contents": [{"parts": [
          {"fileData": {"mimeType": "video/mp4", "fileUri": "files/a"}, "mediaProcessing": "AGENTIC"},
          {"text": "Say it", "speechMetadata": {"speaker": "Ann", "style": "cheerful"}},
          {"inlineData": {"mimeType": "audio/wav", "data": "AQID"}, "audioTranscription": {"text": "hi", "finished": true}}]}]}
        """, GenerateContentRequest.class);

    List<Part> parts = request.contents().get(0).parts();
    assertThat(parts.get(0).mediaProcessing().asText()).isEqualTo("AGENTIC");
    assertThat(parts.get(1).speechMetadata().path("speaker").asText()).isEqualTo("Ann");
    assertThat(parts.get(2).audioTranscription().path("text").asText()).isEqualTo("hi");
  }

  @Test
  void writesBodiesInGooglesPrettyLayout() throws Exception {
    GenerateContentResponse response = GenerateContentResponse.of(
        List.of(Part.code(ExecutableCode.python("print(1 < 2)")),
            Part.result(new CodeExecutionResult(Outcome.OUTCOME_OK, "True\n"))),
        FinishReason.STOP, null, "gemini-2.5-flash", "abc");

    assertThat(JsonMapper.prettyWriter(mapper).writeValueAsString(response)).isEqualTo("""
        {
          "candidates": [
            {
              "content": {
                "parts": [
                  {
                    "executableCode": {
                      "language": "PYTHON",
                      "code": "print(1 \\u003c 2)"
                    }
                  },
                  {
                    "codeExecutionResult": {
                      "outcome": "OUTCOME_OK",
                      "output": "True\\n"
                    }
                  }
                ],
                "role": "model"
              },
              "finishReason": "STOP",
              "index": 0
            }
          ],
          "modelVersion": "gemini-2.5-flash",
          "responseId": "abc"
        }""");
  }

  @Test
  void writesEventsOnOneLineWithGooglesSpacing() throws Exception {
    GenerateContentResponse response = GenerateContentResponse.of(
        List.of(Part.text("The")), null, null, "gemini-2.0-flash", "id1");

    assertThat(JsonMapper.eventWriter(mapper).writeValueAsString(response)).isEqualTo(
        "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"The\"}],\"role\": \"model\"},\"index\": 0}],"
            + "\"modelVersion\": \"gemini-2.0-flash\",\"responseId\": \"id1\"}");
  }

  @Test
  void int32AndInt64TakeTheSameSpellingsOfAWholeNumber() throws Exception {
    for (String whole : List.of("40", "40.0", "\"40\"", "4e1")) {
      assertThat(mapper.readValue(whole, Integer.class)).as(whole).isEqualTo(40);
      assertThat(mapper.readValue(whole, Long.class)).as(whole).isEqualTo(40L);
    }
    assertThat(mapper.readValue("\"9007199254740993\"", Long.class)).isEqualTo(9_007_199_254_740_993L);
    for (String notWhole : List.of("1.5", "\"1.5\"", "\"x\"", "true")) {
      assertThatThrownBy(() -> mapper.readValue(notWhole, Integer.class)).as(notWhole).isInstanceOf(JsonMappingException.class);
      assertThatThrownBy(() -> mapper.readValue(notWhole, Long.class)).as(notWhole).isInstanceOf(JsonMappingException.class);
    }
    assertThatThrownBy(() -> mapper.readValue("2147483648", Integer.class)).isInstanceOf(JsonMappingException.class);
  }

  @Test
  void theStartUpPreparationReadsAndWritesItsCallWithTheSharedMapper() {
    EmulatorServer.prepare();

    assertThat(JsonMapper.shared()).isSameAs(JsonMapper.shared());
  }
}
