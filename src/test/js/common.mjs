// Shared by the SDK scripts: argument parsing, part summaries and the JSON printed for JsSdkIT.

export const PROMPT = 'Run this:\n```python\nprint(sum(range(10)))\nprint("hi from " + "gememu")\n```';
export const FAILING_PROMPT = 'Run this:\n```python\nprint("before")\nprint(1/0)\n```';

/**
 * The package a script imports: the pinned major, or with GEMEMU_JS_SDKS=newest the newest major installed
 * beside it under an npm alias (package.json), so the same scenarios run on both.
 */
export function sdk(name) {
  const newest = { '@google/genai': 'genai3', 'ai': 'ai7', '@ai-sdk/google': 'ai-sdk-google4' };
  return process.env.GEMEMU_JS_SDKS === 'newest' ? newest[name] : name;
}

/**
 * Reads `node <script> <baseUrl> <scenario>` and runs scenarios[scenario], printing its JSON result;
 * `describe` may describe an error its own way (undefined: the generic description).
 */
export async function main(scenarios, describe = () => undefined) {
  const [baseUrl, name] = process.argv.slice(2);
  const scenario = scenarios[name];
  if (!baseUrl || !scenario) {
    console.error(`usage: node ${process.argv[1]} <baseUrl> <${Object.keys(scenarios).join('|')}>`);
    process.exit(2);
  }
  try {
    const result = await scenario(baseUrl);
    process.stdout.write(JSON.stringify({ ok: true, result }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, error: describe(e) ?? describeError(e) }) + '\n');
  }
}

function describeError(e) {
  const out = { name: e?.name, message: String(e?.message ?? e) };
  for (const key of ['status', 'statusCode', 'url', 'isRetryable', 'responseBody']) {
    if (e?.[key] !== undefined) out[key] = e[key];
  }
  if (e?.cause) out.cause = describeError(e.cause);
  if (Array.isArray(e?.errors)) out.errors = e.errors.map(describeError);
  if (e?.lastError) out.lastError = describeError(e.lastError);
  return out;
}

/** One short label per Gemini part, in order: text, code, result or other:<keys>. */
export function kinds(parts) {
  return (parts ?? []).map(p => p.executableCode ? 'code'
    : p.codeExecutionResult ? 'result'
    : p.text !== undefined ? 'text'
    : 'other:' + Object.keys(p).join('+'));
}
