# Google's Python example from its code execution page (ai.google.dev/gemini-api/docs/code-execution,
# generateContent version), unchanged: genai.Client() finds gememu and a key in GOOGLE_GEMINI_BASE_URL and
# GEMINI_API_KEY, which PageExamplesIT sets. Google's samples are Apache-2.0 licensed.
from google import genai
from google.genai import types

client = genai.Client()

response = client.models.generate_content(
    model="gemini-3.5-flash",
    contents="What is the sum of the first 50 prime numbers? "
    "Generate and run code for the calculation, and make sure you get all 50.",
    config=types.GenerateContentConfig(
        tools=[types.Tool(code_execution=types.ToolCodeExecution)]
    ),
)

for part in response.candidates[0].content.parts:
    if part.text is not None:
        print(part.text)
    if part.executable_code is not None:
        print(part.executable_code.code)
    if part.code_execution_result is not None:
        print(part.code_execution_result.output)
