package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gememu.api.GenerateContentRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
  private final ObjectMapper mapper = JsonMapper.create();

  /** Each unknown field of the body as {@code name@path}, in the order they were found. */
  private List<String> violations(String json) throws Exception {
    UnknownFields unknown = new UnknownFields();
    mapper.readerFor(GenerateContentRequest.class).withAttribute(UnknownFields.ATTRIBUTE, unknown).readValue(json);
    return unknown.violations().stream().map(v -> v.name() + "@" + v.parentPath()).toList();
  }

  @Test
  void locatesAnUnknownObjectOrArrayThatComesBeforeKnownFields() throws Exception {
    assertThat(violations("""
        {"contents": [{"parts": [{"audio": {"a": 1}, "inlineData": {"mimeType": "a/b", "data": "AQID"}}]}]}"""))
        .containsExactly("audio@contents[0].parts[0]");
    assertThat(violations("""
        {"contents": [{"parts": [{"tags": [1, 2], "text": "x"}]}]}"""))
        .containsExactly("tags@contents[0].parts[0]");
    assertThat(violations("""
        {"generationConfig": {"extra": [{"a": 1}], "temperature": 1}, "contents": [{"parts": [{"text": "x"}]}]}"""))
        .containsExactly("extra@generation_config");
  }

  @Test
  void locatesAnUnknownTopLevelObjectAtTheTop() throws Exception {
    assertThat(violations("""
        {"meta": {"a": 1}, "contents": [{"parts": [{"text": "x"}]}]}"""))
        .containsExactly("meta@");
  }

  @Test
  void locatesUnknownFieldsAfterKnownOnesAndScalars() throws Exception {
    assertThat(violations("""
        {"contents": [{"parts": [{"inlineData": {"mimeType": "a/b", "data": "AQID"}, "audio": {"a": 1, "b": 2}},
                                 {"colour": "red", "text": "x"}]}]}"""))
        .containsExactly("audio@contents[0].parts[0]", "colour@contents[0].parts[1]");
  }

  @Test
  void locatesUnknownFieldsAtEveryLevelOfOneBody() throws Exception {
    assertThat(violations("""
        {"top": 1,
         "contents": [{"parts": [{"text": "x", "p": {"a": 1}}], "c": [1]}],
         "generationConfig": {"thinkingConfig": {"t": {"x": 1}, "includeThoughts": true}}}"""))
        .containsExactlyInAnyOrder("top@", "p@contents[0].parts[0]", "c@contents[0]",
            "t@generation_config.thinking_config");
  }

  @Test
  void locatesUnknownFieldsOfARecordWhoseComponentsAllCameBeforeTheEnd() throws Exception {
    // Jackson builds Content as soon as both of its components are read, before "late" is parsed.
    assertThat(violations("""
        {"contents": [{"early": {"a": 1}, "parts": [{"text": "x"}], "role": "user", "late": 2}]}"""))
        .containsExactlyInAnyOrder("early@contents[0]", "late@contents[0]");
  }
}
