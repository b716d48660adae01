package dev.gememu.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThinkingBudgetTest {
  @Test
  void aModelGoogleDoesNotListTakesItsFamilysBudgets() {
    assertThat(ModelInfo.forId("gemini-2.5-pro-preview-06-05").thinkingBudget()).isEqualTo(ThinkingBudget.PRO_2_5);
    assertThat(ModelInfo.forId("gemini-2.5-flash-lite-preview-09-2025").thinkingBudget())
        .isEqualTo(ThinkingBudget.FLASH_LITE_2_5);
    assertThat(ModelInfo.forId("gemini-2.5-flash-preview-09-2025").thinkingBudget()).isEqualTo(ThinkingBudget.FLASH_2_5);
    assertThat(ModelInfo.forId("gemini-3-pro-image-preview").thinkingBudget()).isEqualTo(ThinkingBudget.UNCHECKED);
  }

  @Test
  void proCannotStopThinkingAndLiteStartsAt512() {
    assertThat(ThinkingBudget.PRO_2_5.allows(0)).isFalse();
    assertThat(ThinkingBudget.PRO_2_5.allows(127)).isFalse();
    assertThat(ThinkingBudget.PRO_2_5.allows(32_768)).isTrue();
    assertThat(ThinkingBudget.FLASH_LITE_2_5.allows(0)).isTrue();
    assertThat(ThinkingBudget.FLASH_LITE_2_5.allows(511)).isFalse();
    assertThat(ThinkingBudget.FLASH_2_5.allows(24_577)).isFalse();
  }
}
