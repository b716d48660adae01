package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCallHandlerTest {

  @Test
  void plainModelCallsAreServedDirectly() {
    assertThat(ModelCallHandler.pathParams("/v1beta/models/gemini-2.5-flash:generateContent"))
        .isEqualTo(Map.of("version", "v1beta", "call", "gemini-2.5-flash:generateContent"));
    assertThat(ModelCallHandler.pathParams("/v1/models/gemini-3-pro-preview:streamGenerateContent"))
        .isEqualTo(Map.of("version", "v1", "call", "gemini-3-pro-preview:streamGenerateContent"));
  }

  @Test
  void anythingUnusualIsLeftToJavalin() {
    assertThat(ModelCallHandler.pathParams("/v1beta/models/gemini-2.5-flash:generateContent/")).isNull();
    assertThat(ModelCallHandler.pathParams("/v1beta/models/%67emini:generateContent")).isNull();
    assertThat(ModelCallHandler.pathParams("/v1beta/models/a+b:generateContent")).isNull();
    assertThat(ModelCallHandler.pathParams("//v1beta/models/gemini-2.5-flash:generateContent")).isNull();
    assertThat(ModelCallHandler.pathParams("/v2/models/gemini-2.5-flash:generateContent")).isNull();
    assertThat(ModelCallHandler.pathParams("/v1beta/models/")).isNull();
    assertThat(ModelCallHandler.pathParams("/v1beta/models")).isNull();
    assertThat(ModelCallHandler.pathParams("/upload/v1beta/files")).isNull();
    assertThat(ModelCallHandler.pathParams("/x/v1beta/models/gemini-2.5-flash:generateContent")).isNull();
  }
}
