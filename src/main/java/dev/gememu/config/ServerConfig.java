package dev.gememu.config;

import dev.gememu.executor.ExecutionLimits;
import dev.gememu.executor.ExecutorOptions;
import dev.gememu.files.FileSettings;
import dev.gememu.fixtures.FixtureSettings;
import dev.gememu.model.ModelCatalog;
import dev.gememu.recording.RecordingSettings;
import dev.gememu.server.ServerSettings;
import java.util.List;

/**
 * Everything gememu is configured with, validated once.
 *
 * @param host address to bind; loopback unless the user asks otherwise
 * @param port TCP port; 0 picks a free one
 * @param models model ids gememu answers as
 * @param limits bounds on each code execution
 * @param http API-key and validation behaviour of the HTTP layer
 * @param fixtures fixture directories and how often they are checked for changes
 * @param executor where and how code executions run
 * @param recording the mode (playback, record, auto) and how real traffic is recorded and replayed
 * @param files where uploaded files are kept, and their limits
 */
public record ServerConfig(String host, int port, List<String> models, ExecutionLimits limits, ServerSettings http,
    FixtureSettings fixtures, ExecutorOptions executor, RecordingSettings recording, FileSettings files) {

  public ServerConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (models == null || models.isEmpty()) {
      throw new IllegalArgumentException("models must name at least one model");
    }
    models = List.copyOf(models);
    if (http == null) {
      throw new IllegalArgumentException("http settings must not be null");
    }
    if (fixtures == null) {
      throw new IllegalArgumentException("fixture settings must not be null");
    }
    if (executor == null) {
      throw new IllegalArgumentException("executor must not be null");
    }
    if (recording == null) {
      throw new IllegalArgumentException("recording settings must not be null");
    }
    if (files == null) {
      throw new IllegalArgumentException("file settings must not be null");
    }
  }

  public ServerSettings serverSettings() {
    return http;
  }

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8080, ModelCatalog.DEFAULT_MODELS, ExecutionLimits.defaults(),
        ServerSettings.defaults(), FixtureSettings.none(), ExecutorOptions.defaults(), RecordingSettings.defaults(),
        FileSettings.defaults());
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(newHost, port, models, limits, http, fixtures, executor, recording, files);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, models, limits, http, fixtures, executor, recording, files);
  }

  public ServerConfig withModels(List<String> newModels) {
    return new ServerConfig(host, port, newModels, limits, http, fixtures, executor, recording, files);
  }

  public ServerConfig withHttp(ServerSettings newHttp) {
    return new ServerConfig(host, port, models, limits, newHttp, fixtures, executor, recording, files);
  }

  public ServerConfig withLimits(ExecutionLimits newLimits) {
    return new ServerConfig(host, port, models, newLimits, http, fixtures, executor, recording, files);
  }

  public ServerConfig withFixtures(FixtureSettings newFixtures) {
    return new ServerConfig(host, port, models, limits, http, newFixtures, executor, recording, files);
  }

  public ServerConfig withRecording(RecordingSettings newRecording) {
    return new ServerConfig(host, port, models, limits, http, fixtures, executor, newRecording, files);
  }

  public ServerConfig withFiles(FileSettings newFiles) {
    return new ServerConfig(host, port, models, limits, http, fixtures, executor, recording, newFiles);
  }

  public ServerConfig withExecutor(ExecutorOptions newExecutor) {
    return new ServerConfig(host, port, models, limits, http, fixtures, newExecutor, recording, files);
  }
}
