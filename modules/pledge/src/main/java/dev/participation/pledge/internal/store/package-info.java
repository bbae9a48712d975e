/**
 * Where pledges, their published versions and evidence are kept: the store, the JSON text of
 * stored content and the public queries, on the platform's storage SPI in the pledge's own schema.
 */
@ParticipationSchema(PledgeSchema.NAME)
package dev.participation.pledge.internal.store;

import dev.participation.api.storage.ParticipationSchema;
