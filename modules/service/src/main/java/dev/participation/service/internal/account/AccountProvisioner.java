package dev.participation.service.internal.account;

import java.util.Set;

/**
 * Creates or updates an account from configuration, where the password arrives already hashed.
 * Not part of the API: only this bundle's provisioning component may bypass the password rules.
 */
public interface AccountProvisioner {

    /**
     * @param passwordHash a hash from {@link PasswordHashCommand}, or empty to keep the current one
     */
    void provision(String username, String displayName, Set<String> roles, String passwordHash);
}
