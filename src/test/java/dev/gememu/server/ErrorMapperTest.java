package dev.gememu.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.api.ApiException;
import dev.gememu.api.Status;
import dev.gememu.executor.ExecutorSaturatedException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  @Test
  void aSaturatedExecutorIsGooglesOverloaded503() {
    ApiException mapped = ErrorMapper.toApiException(new ExecutorSaturatedException("all busy", false));

    assertThat(mapped.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(mapped.getMessage()).isEqualTo("The model is overloaded. Please try again later.");
  }
}
