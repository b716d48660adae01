package dev.gememu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's JUnit example is the code SumOfPrimesIT runs, so the documentation cannot drift from it. */
class ReadmeJUnitExampleTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theReadmesJUnitExampleIsTheCodeOfSumOfPrimesIT() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## Use in JUnit 5"), readme.indexOf("## Java API"));
    Matcher block = JAVA_BLOCK.matcher(section);
    assertThat(block.find()).as("a java block in the README's JUnit section").isTrue();
    String test = Files.readString(Path.of("src/test/java/dev/gememu/junit/SumOfPrimesIT.java"));

    String example = normalized(block.group(1));
    // The README shows the class with its first test only: all but its closing brace is in the IT.
    assertThat(example).endsWith("}");
    assertThat(normalized(test)).contains(example.substring(0, example.length() - 1).strip());
  }

  /** Without the annotations the README leaves out for brevity (method order) and with one space for any run. */
  private static String normalized(String code) {
    return code.replaceAll("(?m)^\\s*@(TestMethodOrder|Order)\\b.*$", "").replaceAll("\\s+", " ").strip();
  }
}
