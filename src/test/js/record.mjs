// @google/genai through a recording gememu and again through a replaying one:
// `node record.mjs <baseUrl> <scenario>`. Each call names its recording with the x-gememu-test header.
import { GoogleGenAI } from '@google/genai';
import { kinds, main } from './common.mjs';

export const KEY = 'AIzaFAKE-js-sdk-key-never-written';
const client = (baseUrl, test) => new GoogleGenAI({ vertexai: false, apiKey: KEY,
  httpOptions: { baseUrl, headers: { 'x-gememu-test': test } } });

await main({
  async generate(baseUrl) {
    const response = await client(baseUrl, 'js/generate').models.generateContent({
      model: 'gemini-2.5-flash', contents: 'What is the sum of 0..9? (js)', config: { tools: [{ codeExecution: {} }] } });
    const parts = response.candidates[0].content.parts;
    return { kinds: kinds(parts), text: response.text, codeExecutionResult: response.codeExecutionResult,
      responseId: response.responseId, usage: response.usageMetadata };
  },
  async stream(baseUrl) {
    const stream = await client(baseUrl, 'js/stream').models.generateContentStream({
      model: 'gemini-3-flash-preview', contents: 'What is 2 ** 10? (js)', config: { tools: [{ codeExecution: {} }] } });
    const events = [];
    for await (const chunk of stream) {
      events.push({ kinds: kinds(chunk.candidates?.[0]?.content?.parts), finishReason: chunk.candidates?.[0]?.finishReason ?? null,
        signatures: (chunk.candidates?.[0]?.content?.parts ?? []).map(p => p.thoughtSignature ?? null) });
    }
    return { events };
  },
});
