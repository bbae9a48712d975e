/**
 * The storage SPI a widget bundle builds its store on: a transaction scope that joins the caller's
 * transaction, the connection inside it, and the SQL dialect, on the portal's one database.
 *
 * <h2>Owning a schema</h2>
 * A bundle that keeps its own tables names its schema with {@link ParticipationSchema} on a
 * package (which writes the {@value Storage#SCHEMA_HEADER} header and requires the extender) and
 * ships its migrations as {@code db/<schema>/V<number>__<what>.sql}, numbered from {@code V001} in
 * its own sequence. The service bundle applies them under its migration lock and checksums, records
 * them per schema, and only then registers a {@link Storage} service with the property
 * {@code schema=<schema>}; a store that references {@code (schema=<schema>)} therefore never sees
 * an older schema than the one it was built for.
 *
 * <h2>Rushes</h2>
 * {@link GroupCommit} writes the callers who arrive during one transaction together in the next,
 * for writes that must commit under one hot row's lock.
 */
@Export
@Version("1.4.0")
package dev.participation.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
