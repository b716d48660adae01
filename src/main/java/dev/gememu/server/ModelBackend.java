package dev.gememu.server;

import dev.gememu.model.CallRecordings;
import dev.gememu.model.ContentGenerator;
import dev.gememu.model.ModelCatalog;
import dev.gememu.model.Upstream;
import java.util.Optional;

/**
 * What answers the {@code models} routes.
 *
 * @param generator gememu's own answers to generateContent and countTokens
 * @param catalog the models served
 * @param upstream in record mode, where every request is passed on; empty otherwise
 * @param onMiss in auto mode, where a countTokens or models call nothing recorded answers is passed on
 * @param recordings recorded answers to countTokens and models calls, served before gememu's own
 */
public record ModelBackend(ContentGenerator generator, ModelCatalog catalog, Optional<Upstream> upstream,
    Optional<Upstream> onMiss, CallRecordings recordings) {
}
