// Google's JavaScript example from its code execution page (ai.google.dev/gemini-api/docs/code-execution,
// generateContent version), unchanged: new GoogleGenAI({}) finds gememu and a key in GOOGLE_GEMINI_BASE_URL
// and GEMINI_API_KEY, which PageExamplesIT sets. Google's samples are Apache-2.0 licensed.
import { GoogleGenAI } from "@google/genai";

const ai = new GoogleGenAI({});

let response = await ai.models.generateContent({
  model: "gemini-3.5-flash",
  contents: [
    "What is the sum of the first 50 prime numbers? " +
      "Generate and run code for the calculation, and make sure you get all 50.",
  ],
  config: {
    tools: [{ codeExecution: {} }],
  },
});

const parts = response?.candidates?.[0]?.content?.parts || [];
parts.forEach((part) => {
  if (part.text) {
    console.log(part.text);
  }

  if (part.executableCode && part.executableCode.code) {
    console.log(part.executableCode.code);
  }

  if (part.codeExecutionResult && part.codeExecutionResult.output) {
    console.log(part.codeExecutionResult.output);
  }
});
