"""Google's Python SDK (google-genai) against a gememu: `python genai_sdk.py <baseUrl> <scenario>`.

Prints one JSON line last, {"ok": true, "result": ...} or {"ok": false, "error": ...}, for PythonSdkIT.
"""
import io
import json
import sys

from google import genai
from google.genai import errors, types

PROMPT = 'Run this:\n```python\nprint(sum(range(10)))\nprint("hi from " + "gememu")\n```'
FAILING_PROMPT = 'Run this:\n```python\nprint("before")\nprint(1/0)\n```'
MODEL = 'gemini-2.5-flash'
GEMINI_3 = 'gemini-3-flash-preview'
CODE_EXECUTION = types.GenerateContentConfig(tools=[types.Tool(code_execution=types.ToolCodeExecution())])


_clients = {}


def client(base_url):
    """One client per run: the SDK closes its HTTP connection when a Client is garbage-collected."""
    if base_url not in _clients:
        _clients[base_url] = genai.Client(api_key='k', http_options=types.HttpOptions(base_url=base_url))
    return _clients[base_url]


def kinds(parts):
    def kind(part):
        if part.executable_code is not None:
            return 'code'
        if part.code_execution_result is not None:
            return 'result'
        if part.text is not None:
            return 'text'
        return 'other'
    return [kind(p) for p in parts or []]


def summary(response):
    candidate = response.candidates[0]
    parts = candidate.content.parts or [] if candidate.content else []
    return {
        'kinds': kinds(parts),
        'text': ''.join(p.text for p in parts if p.text is not None and not p.thought),
        'executableCode': response.executable_code,
        'codeExecutionResult': response.code_execution_result,
        'outcomes': [p.code_execution_result.outcome.value for p in parts if p.code_execution_result],
        'ids': [(p.executable_code or p.code_execution_result).id for p in parts
                if p.executable_code or p.code_execution_result],
        'signed': [p.thought_signature is not None for p in parts],
        'finishReason': candidate.finish_reason.value if candidate.finish_reason else None,
        'modelVersion': response.model_version,
        'responseId': response.response_id,
        'usage': response.usage_metadata.model_dump(mode='json', exclude_none=True, by_alias=True) if response.usage_metadata else None,
    }


def generate(base_url, model=MODEL, prompt=PROMPT):
    return summary(client(base_url).models.generate_content(model=model, contents=prompt, config=CODE_EXECUTION))


def stream(base_url, model=MODEL):
    chunks = [summary(c) for c in client(base_url).models.generate_content_stream(
        model=model, contents=PROMPT, config=CODE_EXECUTION)]
    return {
        'chunks': len(chunks),
        'kinds': [k for c in chunks for k in c['kinds']],
        'text': ''.join(c['text'] for c in chunks),
        'codeExecutionResult': [c['codeExecutionResult'] for c in chunks if c['codeExecutionResult']],
        'responseIds': sorted({c['responseId'] for c in chunks}),
        'finishReasons': [c['finishReason'] for c in chunks],
        'last': chunks[-1],
    }


def chat(base_url, model=MODEL):
    session = client(base_url).chats.create(model=model, config=CODE_EXECUTION)
    first = session.send_message(PROMPT)
    # The second turn sends the model's code and result parts back as history, as a real chat does.
    second = session.send_message('Run this too:\n```python\nprint(6 * 7)\n```')
    return {'first': summary(first), 'second': summary(second), 'historyLength': len(session.get_history())}


def count_tokens(base_url):
    ai = client(base_url)
    count = ai.models.count_tokens(model=MODEL, contents=PROMPT)
    generated = ai.models.generate_content(model=MODEL, contents=PROMPT, config=CODE_EXECUTION)
    return {'totalTokens': count.total_tokens, 'promptTokenCount': generated.usage_metadata.prompt_token_count}


def list_models(base_url):
    return {'names': [m.name for m in client(base_url).models.list(config={'page_size': 2})]}


def get_model(base_url):
    model = client(base_url).models.get(model=MODEL)
    return {'name': model.name, 'inputTokenLimit': model.input_token_limit,
            'outputTokenLimit': model.output_token_limit, 'supportedActions': model.supported_actions,
            'thinking': model.thinking}


def unknown_model(base_url):
    client(base_url).models.generate_content(model='gemini-0-nope', contents=PROMPT, config=CODE_EXECUTION)
    return 'unexpected success'


def unknown_model_stream(base_url):
    for _ in client(base_url).models.generate_content_stream(model='gemini-0-nope', contents=PROMPT, config=CODE_EXECUTION):
        pass
    return 'unexpected success'


CSV = 'city,temp\nOslo,4\nCairo,31\nLima,19\nPerth,26\n'
MEAN_PROMPT = ('Run this:\n```python\nimport csv\nwith open("input_file_0.csv", newline="") as f:\n'
               '    temps = [int(row["temp"]) for row in csv.DictReader(f)]\nprint(sum(temps) / len(temps))\n```')


def upload_csv(base_url):
    """Upload a CSV, have the code read it as input_file_0.csv, then list, get and delete it."""
    ai = client(base_url)
    uploaded = ai.files.upload(file=io.BytesIO(CSV.encode()),
                               config=types.UploadFileConfig(mime_type='text/csv', display_name='temperatures.csv'))
    response = ai.models.generate_content(
        model=MODEL, config=CODE_EXECUTION,
        contents=[types.Content(role='user', parts=[
            types.Part.from_uri(file_uri=uploaded.uri, mime_type=uploaded.mime_type), types.Part(text=MEAN_PROMPT)])])
    listed = [f.name for f in ai.files.list(config=types.ListFilesConfig(page_size=2))]
    got = ai.files.get(name=uploaded.name)
    ai.files.delete(name=uploaded.name)
    try:
        ai.files.get(name=uploaded.name)
        after_delete = 'still there'
    except errors.APIError as e:
        after_delete = '%s: %s' % (e.code, e.message)
    return {
        'file': {'name': uploaded.name, 'displayName': uploaded.display_name, 'mimeType': uploaded.mime_type,
                 'sizeBytes': str(uploaded.size_bytes), 'state': uploaded.state.value, 'source': uploaded.source.value,
                 'uri': uploaded.uri, 'sha256Hash': uploaded.sha256_hash},
        'codeExecutionResult': response.code_execution_result,
        'listed': uploaded.name in listed,
        'gotDisplayName': got.display_name,
        'afterDelete': after_delete,
    }


SCENARIOS = {
    'generate': generate,
    'generateFailing': lambda url: generate(url, prompt=FAILING_PROMPT),
    'generateGemini3Failing': lambda url: generate(url, model=GEMINI_3, prompt=FAILING_PROMPT),
    'stream': stream,
    'streamGemini3': lambda url: stream(url, model=GEMINI_3),
    'chat': chat,
    'chatGemini3': lambda url: chat(url, model=GEMINI_3),
    'countTokens': count_tokens,
    'listModels': list_models,
    'getModel': get_model,
    'unknownModel': unknown_model,
    'unknownModelStream': unknown_model_stream,
    'uploadCsv': upload_csv,
}


def describe(error):
    described = {'name': type(error).__name__, 'message': str(error)}
    for key in ('code', 'status', 'message', 'details'):
        value = getattr(error, key, None)
        if value is not None:
            described[key] = value
    return described


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in SCENARIOS:
        sys.exit('usage: python genai_sdk.py <baseUrl> <%s>' % '|'.join(SCENARIOS))
    try:
        answer = {'ok': True, 'result': SCENARIOS[sys.argv[2]](sys.argv[1])}
    except (errors.APIError, ValueError, TypeError, KeyError, AttributeError, IndexError) as error:
        answer = {'ok': False, 'error': describe(error)}
    print(json.dumps(answer, default=str))


if __name__ == '__main__':
    main()
