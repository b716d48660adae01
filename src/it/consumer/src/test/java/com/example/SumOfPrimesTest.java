package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.Client;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Tool;
import com.google.genai.types.ToolCodeExecution;
import dev.gememu.Gememu;
import dev.gememu.RecordedCall;
import dev.gememu.junit.GememuTest;
import org.junit.jupiter.api.Test;

@GememuTest(fixtures = "gemini/sum-of-primes.yaml")
class SumOfPrimesTest {
  @Test
  void answersWithWhatTheCodeReallyPrinted(Client client, Gememu gememu) {
    GenerateContentResponse response = client.models.generateContent("gemini-2.5-flash",
        "What is the sum of the first 50 prime numbers?",
        GenerateContentConfig.builder()
            .tools(Tool.builder().codeExecution(ToolCodeExecution.builder().build()).build())
            .build());

    assertTrue(response.text().contains("The sum is 5117."), response.text());
    RecordedCall call = gememu.requests().model("gemini-2.5-flash").single();
    assertEquals("5117\n", call.code().get(0).output());
  }
}
