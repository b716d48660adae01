package dev.gememu.server;

import java.util.Map;

/** {@link JsGenaiSdkIT}'s scenarios on the newest major users install today, {@code @google/genai} 3.x (npm alias {@code genai3}). */
class JsGenaiSdkNewestIT extends JsGenaiSdkIT {
  @Override
  Map<String, String> environment() {
    return Map.of("GEMEMU_JS_SDKS", "newest");
  }
}
