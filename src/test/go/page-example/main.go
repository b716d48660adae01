// Google's Go example from its code execution page (ai.google.dev/gemini-api/docs/code-execution,
// generateContent version). genai.NewClient(ctx, nil) finds gememu and a key in GOOGLE_GEMINI_BASE_URL and
// GEMINI_API_KEY, which PageExamplesIT sets. One change: the page imports "os" (unused) and calls
// log.Fatal without importing "log", so as printed it does not compile; the import list is fixed.
// Google's samples are Apache-2.0 licensed.
package main

import (
    "context"
    "fmt"
    "log"
    "google.golang.org/genai"
)

func main() {

    ctx := context.Background()
    client, err := genai.NewClient(ctx, nil)
    if err != nil {
        log.Fatal(err)
    }

    config := &genai.GenerateContentConfig{
        Tools: []*genai.Tool{
            {CodeExecution: &genai.ToolCodeExecution{}},
        },
    }

    result, _ := client.Models.GenerateContent(
        ctx,
        "gemini-3.5-flash",
        genai.Text("What is the sum of the first 50 prime numbers? " +
                  "Generate and run code for the calculation, and make sure you get all 50."),
        config,
    )

    fmt.Println(result.Text())
    fmt.Println(result.ExecutableCode())
    fmt.Println(result.CodeExecutionResult())
}
