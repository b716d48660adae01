package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The clip of a video part to look at; offsets are proto durations such as {@code "1.5s"}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoMetadata(String startOffset, String endOffset, Double fps) {}
