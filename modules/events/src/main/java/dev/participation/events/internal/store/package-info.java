/**
 * Where events and sign-ups are kept: the stores, the session lock every change to places goes
 * through, and the notices that tell people they have a place, on the platform's storage SPI in the
 * events bundle's own schema.
 */
@ParticipationSchema(EventSchema.NAME)
package dev.participation.events.internal.store;

import dev.participation.api.storage.ParticipationSchema;
