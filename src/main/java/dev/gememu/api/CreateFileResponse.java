package dev.gememu.api;

/** The body answering a finished upload: {@code {"file": {...}}}. */
public record CreateFileResponse(File file) {}
