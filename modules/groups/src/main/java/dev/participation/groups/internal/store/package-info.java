/**
 * Where groups are kept and searched: the store, the mapping of a group to its row, the words the
 * text search looks up and the directory query, on the platform's storage SPI in the groups
 * bundle's own schema.
 */
@ParticipationSchema(GroupSchema.NAME)
package dev.participation.groups.internal.store;

import dev.participation.api.storage.ParticipationSchema;
