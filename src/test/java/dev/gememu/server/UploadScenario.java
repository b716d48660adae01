package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every SDK program's {@code uploadCsv} scenario must report: the File resource of a 43-byte CSV,
 * the mean its code computed from {@code input_file_0.csv}, and Google's 403 once the file is deleted.
 */
final class UploadScenario {
  private UploadScenario() {}

  static void assertUploadedAndAnalysed(JsonNode result, String base) {
    JsonNode file = result.get("file");
    assertThat(file.get("name").asText()).matches("files/[a-z0-9]{12}");
    assertThat(file.get("displayName").asText()).isEqualTo("temperatures.csv");
    assertThat(file.get("mimeType").asText()).isEqualTo("text/csv");
    assertThat(file.get("sizeBytes").asText()).isEqualTo("43");
    assertThat(file.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(file.get("source").asText()).isEqualTo("UPLOADED");
    // The version is the upload's own: the newest SDKs upload under /upload/v1/files.
    assertThat(file.get("uri").asText()).matches(java.util.regex.Pattern.quote(base) + "/v1(beta|alpha)?/"
        + file.get("name").asText());
    assertThat(result.get("codeExecutionResult").asText()).isEqualTo("20.0\n");
    assertThat(result.get("listed").asBoolean()).isTrue();
    assertThat(result.get("gotDisplayName").asText()).isEqualTo("temperatures.csv");
    assertThat(result.get("afterDelete").asText()).startsWith("403: ")
        .contains("You do not have permission to access the File " + file.get("name").asText().substring(6)
            + " or it may not exist.");
  }

}
