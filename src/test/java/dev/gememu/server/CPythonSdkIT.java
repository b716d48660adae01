package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import dev.gememu.fixtures.FixtureSettings;
import dev.gememu.testing.RunningGememu;
import dev.gememu.testing.Sdk;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gemini's library set through the official Java SDK, on a server with the default {@code auto}
 * executor: numpy results, matplotlib charts and cropped images coming back as PNG parts.
 */
class CPythonSdkIT {
  private static final String CHART = String.join("\n",
      "import matplotlib.pyplot as plt",
      "import numpy as np",
      "x = np.linspace(0, 6, 50)",
      "plt.plot(x, np.sin(x))",
      "plt.title('sine')",
      "plt.show()",
      "print('plotted')");

  @RegisterExtension
  static final RunningGememu server = RunningGememu.configuredBy(
      c -> c.withFixtures(new FixtureSettings(List.of(Path.of("fixtures")), Duration.ZERO)));

  @Test
  void runsNumpyAndReturnsItsResult() {
    GenerateContentResponse response = server.sdk().models.generateContent("gemini-2.5-flash",
        Sdk.runPrompt("import numpy as np\nprint(np.arange(1, 11).reshape(2, 5).sum(axis=0))"), Sdk.withCodeExecution());

    assertThat(response.codeExecutionResult()).isEqualTo("[ 7  9 11 13 15]\n");
  }

  @Test
  void returnsAMatplotlibChartAsADecodablePngPartRightAfterTheResult() throws IOException {
    GenerateContentResponse response =
        server.sdk().models.generateContent("gemini-2.5-flash", Sdk.runPrompt(CHART), Sdk.withCodeExecution());

    List<Part> parts = parts(response);
    assertThat(kinds(parts)).containsExactly("text", "executableCode", "codeExecutionResult", "inlineData", "text");
    assertThat(parts.get(2).codeExecutionResult().orElseThrow().output()).hasValue("plotted\n");
    BufferedImage chart = png(parts.get(3));
    assertThat(chart.getWidth()).isEqualTo(640);
    assertThat(chart.getHeight()).isEqualTo(480);
  }

  @Test
  void cropsAnImageSentAsInlineDataAndReturnsTheCropAtItsSize() throws IOException {
    String code = String.join("\n",
        "from PIL import Image",
        "image = Image.open('input_file_0.png')",
        "print(image.size)",
        "image.crop((10, 20, 110, 70)).resize((200, 100)).show()");
    Content prompt = Content.fromParts(Part.fromBytes(generatedPng(160, 90), "image/png"),
        Part.fromText(Sdk.runPrompt(code)));

    GenerateContentResponse response =
        server.sdk().models.generateContent("gemini-3-flash-preview", prompt, Sdk.withCodeExecution());

    List<Part> parts = parts(response);
    assertThat(response.codeExecutionResult()).isEqualTo("(160, 90)\n");
    BufferedImage crop = png(parts.stream().filter(p -> p.inlineData().isPresent()).findFirst().orElseThrow());
    assertThat(crop.getWidth()).isEqualTo(200);
    assertThat(crop.getHeight()).isEqualTo(100);
  }

  @Test
  void autoRunsPlainCodeOnGraalPyAndLibraryCodeOnCPython() {
    server.admin().clearJournal();

    String plain = server.sdk().models.generateContent("gemini-2.5-flash",
        Sdk.runPrompt("import sys\nprint(sys.implementation.name)"), Sdk.withCodeExecution()).codeExecutionResult();
    String library = server.sdk().models.generateContent("gemini-2.5-flash",
        Sdk.runPrompt("import sys\nimport pandas as pd\nprint(sys.implementation.name, pd.Series([1, 2]).sum())"),
        Sdk.withCodeExecution()).codeExecutionResult();

    assertThat(plain).isEqualTo("graalpy\n");
    assertThat(library).isEqualTo("cpython 3\n");
    List<String> executors = new ArrayList<>();
    for (JsonNode entry : server.admin().journal()) {
      entry.path("code").forEach(run -> executors.add(run.path("executor").asText()));
    }
    assertThat(executors).containsExactly("graalpy", "cpython");
  }

  @Test
  void streamsTheChartAsOneEventAfterTheResultEvent() throws IOException {
    List<String> kinds = new ArrayList<>();
    List<Part> images = new ArrayList<>();
    try (ResponseStream<GenerateContentResponse> stream = server.sdk().models.generateContentStream(
        "gemini-2.5-flash", Sdk.runPrompt(CHART), Sdk.withCodeExecution())) {
      for (GenerateContentResponse event : stream) {
        List<Part> parts = parts(event);
        if (parts.stream().anyMatch(p -> p.inlineData().isPresent())) {
          assertThat(parts).hasSize(1);
          images.add(parts.get(0));
        }
        kinds.addAll(kinds(parts));
      }
    }

    assertThat(String.join(",", kinds)).matches("(text,)+executableCode,codeExecutionResult,inlineData(,text)+");
    assertThat(png(images.get(0)).getWidth()).isEqualTo(640);
  }

  @Test
  void shippedZoomFixtureEnlargesTheMiddleOfTheImageTheUserSent() throws IOException {
    Content prompt = Content.fromParts(Part.fromBytes(Files.readAllBytes(Path.of("examples/shapes.png")), "image/png"),
        Part.fromText("Please zoom into the middle of this picture."));

    GenerateContentResponse response =
        server.sdk().models.generateContent("gemini-3-flash-preview", prompt, Sdk.withCodeExecution());

    assertThat(response.codeExecutionResult())
        .isEqualTo("cropped (32, 21, 64, 42) of a 96x64 image, enlarged to 64x42\n");
    BufferedImage zoomed = png(parts(response).stream().filter(p -> p.inlineData().isPresent()).findFirst().orElseThrow());
    assertThat(zoomed.getWidth()).isEqualTo(64);
    assertThat(zoomed.getHeight()).isEqualTo(42);
    int centre = zoomed.getRGB(32, 21);
    assertThat(centre & 0xff).as("blue of the circle").isGreaterThan(180);
  }

  @Test
  void shippedCsvFixtureAnalysesTheSalesWithPandasAndPlotsThem() throws IOException {
    Content prompt = Content.fromParts(Part.fromBytes(Files.readAllBytes(Path.of("examples/sales.csv")), "text/csv"),
        Part.fromText("Which region sold more? Plot monthly units per region."));

    GenerateContentResponse response =
        server.sdk().models.generateContent("gemini-2.5-flash", prompt, Sdk.withCodeExecution());

    List<Part> parts = parts(response);
    assertThat(kinds(parts)).containsExactly("text", "executableCode", "codeExecutionResult", "inlineData", "text");
    assertThat(response.codeExecutionResult()).contains("best region: north");
    assertThat(png(parts.get(3)).getWidth()).isEqualTo(640);
  }

  private static List<Part> parts(GenerateContentResponse response) {
    return response.candidates().orElseThrow().get(0).content().orElseThrow().parts().orElse(List.of());
  }

  private static List<String> kinds(List<Part> parts) {
    return parts.stream().map(p -> p.executableCode().isPresent() ? "executableCode"
        : p.codeExecutionResult().isPresent() ? "codeExecutionResult"
        : p.inlineData().isPresent() ? "inlineData" : "text").toList();
  }

  private static BufferedImage png(Part part) throws IOException {
    assertThat(part.inlineData().orElseThrow().mimeType()).hasValue("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.inlineData().orElseThrow().data().orElseThrow()));
    assertThat(image).as("a decodable PNG").isNotNull();
    return image;
  }

  /** A gradient made here, so the test needs no image file. */
  static byte[] generatedPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 128);
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
