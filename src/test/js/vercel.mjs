// Vercel's AI SDK (ai + @ai-sdk/google) against a gememu: `node vercel.mjs <baseUrl incl. /v1beta> <scenario>`.
import { FAILING_PROMPT, PROMPT, main, sdk } from './common.mjs';

const { createGoogleGenerativeAI } = await import(sdk('@ai-sdk/google'));
const ai = await import(sdk('ai'));
const { generateText, streamText } = ai;

// Warnings are part of each result instead: the AI SDK would otherwise print them on stdout.
globalThis.AI_SDK_LOG_WARNINGS = false;

const setup = (baseURL, modelId = 'gemini-2.5-flash') => {
  const google = createGoogleGenerativeAI({ baseURL, apiKey: 'k' });
  return { model: google(modelId), tools: { code_execution: google.tools.codeExecution({}) } };
};

/** The AI SDK's content parts, reduced to what the test compares. */
function contentSummary(content) {
  return content.map(part => {
    switch (part.type) {
      case 'text': return { type: 'text', text: part.text };
      case 'tool-call': return { type: 'tool-call', toolName: part.toolName, input: part.input, providerExecuted: part.providerExecuted };
      case 'tool-result': return { type: 'tool-result', toolName: part.toolName, output: part.output };
      default: return { type: part.type };
    }
  });
}

await main({
  async generate(baseUrl) {
    const { model, tools } = setup(baseUrl);
    const result = await generateText({ model, tools, prompt: PROMPT, maxRetries: 0 });
    return {
      content: contentSummary(result.content),
      text: result.text,
      finishReason: result.finishReason,
      usage: result.usage,
      warnings: result.warnings ?? [],
    };
  },

  async generateFailing(baseUrl) {
    const { model, tools } = setup(baseUrl);
    const result = await generateText({ model, tools, prompt: FAILING_PROMPT, maxRetries: 0 });
    return { content: contentSummary(result.content), finishReason: result.finishReason };
  },

  async stream(baseUrl) {
    const { model, tools } = setup(baseUrl);
    const errors = [];
    const result = streamText({ model, tools, prompt: PROMPT, maxRetries: 0, onError: ({ error }) => errors.push(String(error?.message ?? error)) });
    const order = [];
    let textDeltas = 0;
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') textDeltas++;
      const kind = { 'text-delta': 'text', 'tool-call': 'code', 'tool-result': 'result' }[part.type];
      if (kind && order[order.length - 1] !== kind) order.push(kind);
    }
    return {
      content: contentSummary(await result.content),
      text: await result.text,
      finishReason: await result.finishReason,
      textDeltas,
      order,
      errors,
    };
  },

  async chat(baseUrl) {
    // A Gemini 3 model, so that the replayed code and text parts carry thought signatures.
    const { model, tools } = setup(baseUrl, 'gemini-3-flash-preview');
    const first = await generateText({ model, tools, prompt: PROMPT, maxRetries: 0 });
    // The second call replays the first answer (code and result included) as history.
    const messages = [
      { role: 'user', content: PROMPT },
      ...first.response.messages,
      { role: 'user', content: 'Run this too:\n```python\nprint(6 * 7)\n```' },
    ];
    const second = await generateText({ model, tools, messages, maxRetries: 0 });
    return { historyRoles: messages.map(m => m.role), first: contentSummary(first.content), content: contentSummary(second.content) };
  },

  /** Every call setting and Google provider option the AI SDK maps for the Gemini API, in one request. */
  async everyOption(baseUrl) {
    const google = createGoogleGenerativeAI({ baseURL: baseUrl, apiKey: 'k' });
    const result = await generateText({
      model: google('gemini-3-flash-preview'),
      tools: { code_execution: google.tools.codeExecution({}) },
      system: 'Be brief.',
      messages: [
        { role: 'user', content: [
          { type: 'text', text: 'Look at this' },
          { type: 'file', data: new Uint8Array([1, 2, 3]), mediaType: 'image/png' },
        ] },
        { role: 'assistant', content: 'I see it.' },
        { role: 'user', content: 'Run this:\n```python\nprint(1 + 2)\n```' },
      ],
      maxOutputTokens: 2048, temperature: 0.5, topP: 0.9, topK: 40, seed: 7,
      // Gemini 3 refuses non-zero penalties (Penalty is not enabled for models/…); zero is sent and accepted.
      presencePenalty: 0, frequencyPenalty: 0, stopSequences: ['STOP!'],
      maxRetries: 0,
      providerOptions: { google: {
        responseModalities: ['TEXT'],
        // Google refuses thinkingBudget beside thinkingLevel on Gemini 3.
        thinkingConfig: { includeThoughts: true, thinkingLevel: 'low' },
        cachedContent: 'cachedContents/abc',
        safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_NONE' }],
        audioTimestamp: true,
        labels: { team: 'a' },
        mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
        imageConfig: { aspectRatio: '16:9', imageSize: '1K' },
        retrievalConfig: { latLng: { latitude: 52.5, longitude: 13.4 } },
        serviceTier: 'flex',
      } },
    });
    return { content: contentSummary(result.content), warnings: result.warnings ?? [] };
  },

  /**
   * The newest majors only (`uploadFile` from ai 7 with @ai-sdk/google 4): upload a CSV, whose chunk
   * the SDK sends to the upload URL as it is and without a key, then let the code read it.
   */
  async uploadCsv(baseUrl) {
    const google = createGoogleGenerativeAI({ baseURL: baseUrl, apiKey: 'k' });
    const csv = 'city,temp\nOslo,4\nCairo,31\nLima,19\nPerth,26\n';
    const uploaded = await ai.uploadFile({
      api: google, data: new TextEncoder().encode(csv), mediaType: 'text/csv',
      providerOptions: { google: { displayName: 'temperatures.csv' } },
    });
    const code = 'import csv\nwith open("input_file_0.csv", newline="") as f:\n'
      + '    temps = [int(row["temp"]) for row in csv.DictReader(f)]\nprint(sum(temps) / len(temps))';
    const result = await generateText({
      model: google('gemini-2.5-flash'), tools: { code_execution: google.tools.codeExecution({}) }, maxRetries: 0,
      messages: [{ role: 'user', content: [
        { type: 'file', data: uploaded.providerReference, mediaType: 'text/csv' },
        { type: 'text', text: 'Run this:\n```python\n' + code + '\n```' },
      ] }],
    });
    return {
      file: uploaded.providerMetadata?.google,
      output: result.content.filter(p => p.type === 'tool-result').map(p => p.output),
    };
  },

  async unknownModel(baseUrl) {
    const google = createGoogleGenerativeAI({ baseURL: baseUrl, apiKey: 'k' });
    await generateText({ model: google('gemini-0-nope'), prompt: PROMPT, maxRetries: 0 });
    return 'unexpected success';
  },
});
