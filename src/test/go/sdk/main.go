// Google's Go SDK (google.golang.org/genai) against a gememu: `genai-sdk <baseUrl> <scenario>`.
// Prints one JSON line last, {"ok": true, "result": ...} or {"ok": false, "error": ...}, for GoSdkIT.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"google.golang.org/genai"
)

const (
	prompt        = "Run this:\n```python\nprint(sum(range(10)))\nprint(\"hi from \" + \"gememu\")\n```"
	failingPrompt = "Run this:\n```python\nprint(\"before\")\nprint(1/0)\n```"
	model         = "gemini-2.5-flash"
	gemini3       = "gemini-3-flash-preview"
)

var codeExecution = &genai.GenerateContentConfig{Tools: []*genai.Tool{{CodeExecution: &genai.ToolCodeExecution{}}}}

type result = map[string]any

func newClient(ctx context.Context, baseURL string) (*genai.Client, error) {
	return genai.NewClient(ctx, &genai.ClientConfig{
		APIKey: "k", Backend: genai.BackendGeminiAPI, HTTPOptions: genai.HTTPOptions{BaseURL: baseURL},
	})
}

func kinds(parts []*genai.Part) []string {
	out := []string{}
	for _, p := range parts {
		switch {
		case p.ExecutableCode != nil:
			out = append(out, "code")
		case p.CodeExecutionResult != nil:
			out = append(out, "result")
		case p.Text != "" || p.ThoughtSignature != nil:
			out = append(out, "text")
		default:
			out = append(out, "other")
		}
	}
	return out
}

func summary(r *genai.GenerateContentResponse) result {
	var parts []*genai.Part
	finish := ""
	if len(r.Candidates) > 0 {
		if r.Candidates[0].Content != nil {
			parts = r.Candidates[0].Content.Parts
		}
		finish = string(r.Candidates[0].FinishReason)
	}
	outcomes, ids, signed := []string{}, []string{}, []bool{}
	for _, p := range parts {
		if p.CodeExecutionResult != nil {
			outcomes = append(outcomes, string(p.CodeExecutionResult.Outcome))
			ids = append(ids, p.CodeExecutionResult.ID)
		}
		if p.ExecutableCode != nil {
			ids = append(ids, p.ExecutableCode.ID)
		}
		signed = append(signed, len(p.ThoughtSignature) > 0)
	}
	return result{
		"kinds": kinds(parts), "text": r.Text(), "executableCode": r.ExecutableCode(),
		"codeExecutionResult": r.CodeExecutionResult(), "outcomes": outcomes, "ids": ids, "signed": signed,
		"finishReason": finish, "modelVersion": r.ModelVersion, "responseId": r.ResponseID, "usage": r.UsageMetadata,
	}
}

func generate(ctx context.Context, c *genai.Client, model, text string) (any, error) {
	r, err := c.Models.GenerateContent(ctx, model, genai.Text(text), codeExecution)
	if err != nil {
		return nil, err
	}
	return summary(r), nil
}

func stream(ctx context.Context, c *genai.Client, model string) (any, error) {
	var chunks []result
	var allKinds, results, finishes []string
	var text strings.Builder
	ids := map[string]bool{}
	for r, err := range c.Models.GenerateContentStream(ctx, model, genai.Text(prompt), codeExecution) {
		if err != nil {
			return nil, err
		}
		s := summary(r)
		chunks = append(chunks, s)
		allKinds = append(allKinds, s["kinds"].([]string)...)
		text.WriteString(r.Text())
		if out := r.CodeExecutionResult(); out != "" {
			results = append(results, out)
		}
		finishes = append(finishes, s["finishReason"].(string))
		ids[r.ResponseID] = true
	}
	responseIDs := []string{}
	for id := range ids {
		responseIDs = append(responseIDs, id)
	}
	sort.Strings(responseIDs)
	return result{"chunks": len(chunks), "kinds": allKinds, "text": text.String(), "codeExecutionResult": results,
		"responseIds": responseIDs, "finishReasons": finishes, "last": chunks[len(chunks)-1]}, nil
}

func chat(ctx context.Context, c *genai.Client, model string) (any, error) {
	session, err := c.Chats.Create(ctx, model, codeExecution, nil)
	if err != nil {
		return nil, err
	}
	first, err := session.SendMessage(ctx, genai.Part{Text: prompt})
	if err != nil {
		return nil, err
	}
	// The second turn sends the model's code and result parts back as history, as a real chat does.
	second, err := session.SendMessage(ctx, genai.Part{Text: "Run this too:\n```python\nprint(6 * 7)\n```"})
	if err != nil {
		return nil, err
	}
	return result{"first": summary(first), "second": summary(second), "historyLength": len(session.History(false))}, nil
}

func countTokens(ctx context.Context, c *genai.Client) (any, error) {
	count, err := c.Models.CountTokens(ctx, model, genai.Text(prompt), nil)
	if err != nil {
		return nil, err
	}
	generated, err := c.Models.GenerateContent(ctx, model, genai.Text(prompt), codeExecution)
	if err != nil {
		return nil, err
	}
	return result{"totalTokens": count.TotalTokens, "promptTokenCount": generated.UsageMetadata.PromptTokenCount}, nil
}

func listModels(ctx context.Context, c *genai.Client) (any, error) {
	names := []string{}
	page, err := c.Models.List(ctx, &genai.ListModelsConfig{PageSize: 2})
	for err == nil {
		for _, m := range page.Items {
			names = append(names, m.Name)
		}
		page, err = page.Next(ctx)
	}
	if err != genai.ErrPageDone {
		return nil, err
	}
	return result{"names": names}, nil
}

func getModel(ctx context.Context, c *genai.Client) (any, error) {
	m, err := c.Models.Get(ctx, model, nil)
	if err != nil {
		return nil, err
	}
	return result{"name": m.Name, "inputTokenLimit": m.InputTokenLimit, "outputTokenLimit": m.OutputTokenLimit,
		"supportedActions": m.SupportedActions, "thinking": m.Thinking}, nil
}

func unknownModelStream(ctx context.Context, c *genai.Client) (any, error) {
	for _, err := range c.Models.GenerateContentStream(ctx, "gemini-0-nope", genai.Text(prompt), codeExecution) {
		if err != nil {
			return nil, err
		}
	}
	return "unexpected success", nil
}

type scenario func(ctx context.Context, c *genai.Client) (any, error)

var scenarios = map[string]scenario{
	"generate":               func(ctx context.Context, c *genai.Client) (any, error) { return generate(ctx, c, model, prompt) },
	"generateFailing":        func(ctx context.Context, c *genai.Client) (any, error) { return generate(ctx, c, model, failingPrompt) },
	"generateGemini3Failing": func(ctx context.Context, c *genai.Client) (any, error) { return generate(ctx, c, gemini3, failingPrompt) },
	"stream":                 func(ctx context.Context, c *genai.Client) (any, error) { return stream(ctx, c, model) },
	"streamGemini3":          func(ctx context.Context, c *genai.Client) (any, error) { return stream(ctx, c, gemini3) },
	"chat":                   func(ctx context.Context, c *genai.Client) (any, error) { return chat(ctx, c, model) },
	"chatGemini3":            func(ctx context.Context, c *genai.Client) (any, error) { return chat(ctx, c, gemini3) },
	"countTokens":            countTokens,
	"listModels":             listModels,
	"getModel":               getModel,
	"unknownModel": func(ctx context.Context, c *genai.Client) (any, error) {
		return generate(ctx, c, "gemini-0-nope", prompt)
	},
	"unknownModelStream": unknownModelStream,
}

func describe(err error) result {
	var apiErr genai.APIError
	if errors.As(err, &apiErr) {
		return result{"name": "APIError", "message": apiErr.Message, "code": apiErr.Code, "status": apiErr.Status}
	}
	var apiErrPtr *genai.APIError
	if errors.As(err, &apiErrPtr) {
		return result{"name": "*APIError", "message": apiErrPtr.Message, "code": apiErrPtr.Code, "status": apiErrPtr.Status}
	}
	return result{"name": fmt.Sprintf("%T", err), "message": err.Error()}
}

func main() {
	if len(os.Args) != 3 || scenarios[os.Args[2]] == nil {
		fmt.Fprintln(os.Stderr, "usage: genai-sdk <baseUrl> <scenario>")
		os.Exit(2)
	}
	ctx := context.Background()
	answer := result{"ok": true}
	c, err := newClient(ctx, os.Args[1])
	var value any
	if err == nil {
		value, err = scenarios[os.Args[2]](ctx, c)
	}
	if err != nil {
		answer = result{"ok": false, "error": describe(err)}
	} else {
		answer["result"] = value
	}
	line, err := json.Marshal(answer)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(string(line))
}
