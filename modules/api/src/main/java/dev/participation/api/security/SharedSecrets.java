package dev.participation.api.security;

import org.osgi.annotation.versioning.ProviderType;

/** Named random keys kept in the database, created on first use and the same on every node. */
@ProviderType
public interface SharedSecrets {

    /** The 32-byte key with this name; concurrent first calls on several nodes agree on one key. */
    byte[] key(String name);
}
