package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** Voice settings for audio output. Accepted and ignored: gememu answers in text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeechConfig(JsonNode voiceConfig, JsonNode multiSpeakerVoiceConfig, String languageCode) {}
