package dev.participation.service.internal.storage;

import java.util.Optional;

/** Why the storage service is not available, for the health check; empty once it is. */
public interface StorageStatus {

    Optional<String> problem();
}
