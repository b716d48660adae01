// Google's JS SDK (@google/genai) against a gememu: `node genai.mjs <baseUrl> <scenario>`.
import { FAILING_PROMPT, PROMPT, kinds, main, sdk } from './common.mjs';

const { GoogleGenAI, createPartFromUri } = await import(sdk('@google/genai'));

const MODEL = 'gemini-2.5-flash';
const GEMINI_3 = 'gemini-3-flash-preview';
const CODE_EXECUTION = { tools: [{ codeExecution: {} }] };
const client = baseUrl => new GoogleGenAI({ vertexai: false, apiKey: 'k', httpOptions: { baseUrl } });

function summary(response) {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  return {
    kinds: kinds(parts),
    text: response.text,
    executableCode: response.executableCode,
    codeExecutionResult: response.codeExecutionResult,
    outcomes: parts.filter(p => p.codeExecutionResult).map(p => p.codeExecutionResult.outcome),
    ids: parts.filter(p => p.executableCode || p.codeExecutionResult).map(p => (p.executableCode ?? p.codeExecutionResult).id),
    signed: parts.map(p => p.thoughtSignature !== undefined),
    finishReason: response.candidates?.[0]?.finishReason,
    modelVersion: response.modelVersion,
    responseId: response.responseId,
    usage: response.usageMetadata,
  };
}

/**
 * Every GenerateContentConfig field the SDK maps for the Gemini API (not Vertex), one request each, so
 * a field gememu does not know shows up by name. The value of each entry is merged into the config.
 */
const CONFIG_FIELDS = {
  systemInstruction: { systemInstruction: 'Be brief.' },
  sampling: { temperature: 0.5, topP: 0.9, topK: 40, candidateCount: 1, maxOutputTokens: 2048, seed: 7 },
  stopSequences: { stopSequences: ['STOP!'] },
  logprobs: { responseLogprobs: true, logprobs: 2 },
  penalties: { presencePenalty: 0.1, frequencyPenalty: 0.1 },
  responseMimeType: { responseMimeType: 'text/plain' },
  responseSchema: { responseMimeType: 'application/json', responseSchema: { type: 'OBJECT', properties: { a: { type: 'STRING' } }, propertyOrdering: ['a'] } },
  responseJsonSchema: { responseMimeType: 'application/json', responseJsonSchema: { type: 'object', properties: { a: { type: 'string' } } } },
  safetySettings: { safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_NONE' }] },
  otherTools: { tools: [{ codeExecution: {} }, { googleSearch: {} }, { urlContext: {} },
    { functionDeclarations: [{ name: 'f', description: 'adds', parameters: { type: 'OBJECT', properties: { x: { type: 'INTEGER' } } } }] }] },
  toolConfig: { toolConfig: { functionCallingConfig: { mode: 'AUTO' }, retrievalConfig: { languageCode: 'en' } } },
  labels: { labels: { team: 'a' } },
  cachedContent: { cachedContent: 'cachedContents/abc' },
  responseModalities: { responseModalities: ['TEXT'] },
  mediaResolution: { mediaResolution: 'MEDIA_RESOLUTION_MEDIUM' },
  speechConfig: { speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } }, languageCode: 'en-US' } },
  thinkingConfig: { thinkingConfig: { includeThoughts: true, thinkingBudget: 128 } },
  thinkingLevel: { thinkingConfig: { thinkingLevel: 'LOW' } },
  imageConfig: { imageConfig: { aspectRatio: '16:9' } },
  enableEnhancedCivicAnswers: { enableEnhancedCivicAnswers: false },
  serviceTier: { serviceTier: 'flex' },
  audioTranscriptionConfig: { audioTranscriptionConfig: { languageCodes: ['en-US'] } },
  continuationToken: { continuationToken: 'Y29udGludWU=', automaticContinuation: false },
  automaticFunctionCalling: { automaticFunctionCalling: { disable: true } },
};

/**
 * Fields Google refuses on MODEL are sent to a model that has them, so each request would also pass
 * against Google: penalties and logprobs exist on Gemini 2.0 only, thinkingLevel from Gemini 3 on.
 */
const FIELD_MODELS = { logprobs: 'gemini-2.0-flash', penalties: 'gemini-2.0-flash', thinkingLevel: 'gemini-3-flash-preview' };

/** A history holding every kind of part the SDK maps for the Gemini API; `videoUri` names an uploaded file. */
const history = videoUri => [
  { role: 'user', parts: [
    { text: 'Look at these' },
    { inlineData: { mimeType: 'image/png', data: 'AQID' }, mediaResolution: { level: 'MEDIA_RESOLUTION_LOW' } },
    { fileData: { mimeType: 'video/mp4', fileUri: videoUri },
      videoMetadata: { startOffset: '1s', endOffset: '2s', fps: 1 }, mediaProcessing: 'AGENTIC' },
    { text: 'Say it cheerfully', speechMetadata: { speaker: 'Ann', style: 'cheerful' } },
  ] },
  { role: 'model', parts: [
    { text: 'thinking...', thought: true, thoughtSignature: 'CQk=' },
    { inlineData: { mimeType: 'audio/wav', data: 'AQID' }, audioTranscription: { text: 'hello', finished: true, languageCode: 'en-US' } },
    { functionCall: { id: 'c1', name: 'f', args: { x: 1 } } },
    { executableCode: { language: 'PYTHON', code: 'print(1)' } },
    { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '1\n' } },
  ] },
  { role: 'user', parts: [
    { functionResponse: { id: 'c1', name: 'f', response: { result: 2 } } },
    { text: 'Run this:\n```python\nprint(1 + 2)\n```' },
  ] },
];

const CSV = 'city,temp\nOslo,4\nCairo,31\nLima,19\nPerth,26\n';
const MEAN_PROMPT = 'Run this:\n```python\nimport csv\nwith open("input_file_0.csv", newline="") as f:\n'
  + '    temps = [int(row["temp"]) for row in csv.DictReader(f)]\nprint(sum(temps) / len(temps))\n```';

async function uploadAndAnalyse(ai, extraConfig) {
  const file = await ai.files.upload({
    file: new Blob([CSV], { type: 'text/csv' }),
    config: { mimeType: 'text/csv', displayName: 'temperatures.csv', ...extraConfig },
  });
  const response = await ai.models.generateContent({
    model: MODEL,
    contents: [{ role: 'user', parts: [createPartFromUri(file.uri, file.mimeType), { text: MEAN_PROMPT }] }],
    config: CODE_EXECUTION,
  });
  const listed = [];
  const pager = await ai.files.list({ config: { pageSize: 2 } });
  for await (const each of pager) listed.push(each.name);
  const got = await ai.files.get({ name: file.name });
  await ai.files.delete({ name: file.name });
  let afterDelete;
  try {
    await ai.files.get({ name: file.name });
    afterDelete = 'still there';
  } catch (e) {
    afterDelete = `${e.status}: ${e.message}`;
  }
  return {
    file: { name: file.name, displayName: file.displayName, mimeType: file.mimeType, sizeBytes: file.sizeBytes,
      state: file.state, source: file.source, uri: file.uri, sha256Hash: file.sha256Hash },
    codeExecutionResult: response.codeExecutionResult,
    listed: listed.includes(file.name),
    gotDisplayName: got.displayName,
    afterDelete,
  };
}

async function generate(baseUrl, model, prompt) {
  return summary(await client(baseUrl).models.generateContent({ model, contents: prompt, config: CODE_EXECUTION }));
}

async function stream(baseUrl, model) {
  const chunks = [];
  const answer = await client(baseUrl).models.generateContentStream({ model, contents: PROMPT, config: CODE_EXECUTION });
  for await (const chunk of answer) chunks.push(summary(chunk));
  return {
    chunks: chunks.length,
    kinds: chunks.flatMap(c => c.kinds),
    text: chunks.map(c => c.text ?? '').join(''),
    codeExecutionResult: chunks.map(c => c.codeExecutionResult).filter(Boolean),
    responseIds: [...new Set(chunks.map(c => c.responseId))],
    finishReasons: chunks.map(c => c.finishReason ?? null),
    last: chunks[chunks.length - 1],
  };
}

async function chat(baseUrl, model) {
  const session = client(baseUrl).chats.create({ model, config: CODE_EXECUTION });
  const first = await session.sendMessage({ message: PROMPT });
  // The second turn replays the model's code and result parts as history, as a real chat does.
  const second = await session.sendMessage({ message: 'Run this too:\n```python\nprint(6 * 7)\n```' });
  return { first: summary(first), second: summary(second), historyLength: session.getHistory().length };
}

/** An ApiError as the other SDK programs describe theirs: the HTTP code, and Google's status and message from its envelope. */
function describeApiError(e) {
  if (e?.name !== 'ApiError') return undefined;
  let envelope;
  try {
    envelope = JSON.parse(e.message).error;
  } catch {
    envelope = {};
  }
  return { name: e.name, code: e.status, status: envelope.status, message: envelope.message ?? e.message };
}

await main({
  generate: baseUrl => generate(baseUrl, MODEL, PROMPT),
  generateFailing: baseUrl => generate(baseUrl, MODEL, FAILING_PROMPT),
  generateGemini3Failing: baseUrl => generate(baseUrl, GEMINI_3, FAILING_PROMPT),
  stream: baseUrl => stream(baseUrl, MODEL),
  streamGemini3: baseUrl => stream(baseUrl, GEMINI_3),
  chat: baseUrl => chat(baseUrl, MODEL),
  chatGemini3: baseUrl => chat(baseUrl, GEMINI_3),

  async countTokens(baseUrl) {
    const ai = client(baseUrl);
    const count = await ai.models.countTokens({ model: MODEL, contents: PROMPT });
    const generated = await ai.models.generateContent({ model: MODEL, contents: PROMPT, config: CODE_EXECUTION });
    return { totalTokens: count.totalTokens, promptTokenCount: generated.usageMetadata?.promptTokenCount };
  },

  async listModels(baseUrl) {
    const names = [];
    const pager = await client(baseUrl).models.list({ config: { pageSize: 2 } });
    for await (const model of pager) names.push(model.name);
    return { names };
  },

  async getModel(baseUrl) {
    const model = await client(baseUrl).models.get({ model: MODEL });
    return { name: model.name, inputTokenLimit: model.inputTokenLimit, outputTokenLimit: model.outputTokenLimit,
      supportedActions: model.supportedActions, thinking: model.thinking };
  },

  /** {field: 'ok' | 'sdk: <why the SDK refused>' | '<status>: <gememu's error>'} per config field. */
  async configFields(baseUrl) {
    const ai = client(baseUrl);
    const results = {};
    for (const [name, config] of Object.entries(CONFIG_FIELDS)) {
      try {
        // Without the code execution tool (otherTools has it) the model answers in text and runs nothing: faster.
        const response = await ai.models.generateContent({ model: FIELD_MODELS[name] ?? MODEL, contents: 'Run this:\n```python\nprint(3)\n```', config });
        const answered = config.tools ? response.codeExecutionResult === '3\n' : response.text?.length > 0;
        results[name] = answered ? 'ok' : 'unexpected: ' + JSON.stringify(response);
      } catch (e) {
        results[name] = e.status ? `${e.status}: ${e.message}` : `sdk: ${e.message}`;
      }
    }
    return results;
  },

  async everyPartKind(baseUrl) {
    const ai = client(baseUrl);
    // gememu, like Google, refuses a fileData part naming a file that was never uploaded.
    const video = await ai.files.upload({ file: new Blob([new Uint8Array([0, 0, 0, 24])]), config: { mimeType: 'video/mp4' } });
    const response = await ai.models.generateContent({ model: 'gemini-3-pro-preview', contents: history(video.uri), config: CODE_EXECUTION });
    return summary(response);
  },

  /** Upload a CSV, have the code read it as input_file_0.csv, then list, get and delete it. */
  async uploadCsv(baseUrl) {
    return uploadAndAnalyse(client(baseUrl), {});
  },

  /**
   * The same with per-call httpOptions: the SDK then puts the API version in front of the upload path
   * (`/v1beta/upload/v1beta/files`, js-genai #1206) and sends none of the upload headers.
   */
  async uploadCsvWithHttpOptions(baseUrl) {
    return uploadAndAnalyse(client(baseUrl), { httpOptions: { timeout: 60000 } });
  },

  async unknownModel(baseUrl) {
    await client(baseUrl).models.generateContent({ model: 'gemini-0-nope', contents: PROMPT, config: CODE_EXECUTION });
    return 'unexpected success';
  },

  async unknownModelStream(baseUrl) {
    const stream = await client(baseUrl).models.generateContentStream({ model: 'gemini-0-nope', contents: PROMPT, config: CODE_EXECUTION });
    for await (const chunk of stream) void chunk;
    return 'unexpected success';
  },
}, describeApiError);
