package dev.gememu.server;

import java.util.Map;

/**
 * {@link JsSdkIT}'s scenarios on the newest majors users install today, {@code @google/genai} 3.x and
 * {@code ai} 7 with {@code @ai-sdk/google} 4 (npm aliases {@code genai3}, {@code ai7},
 * {@code ai-sdk-google4} in {@code src/test/js/package.json}). Their {@code engines} field asks for
 * Node 22; they run on Node 20.
 */
class JsSdkNewestIT extends JsSdkIT {
  @Override
  Map<String, String> environment() {
    return Map.of("GEMEMU_JS_SDKS", "newest");
  }
}
