package dev.participation.groups.internal.editing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.participation.api.account.Account;
import dev.participation.api.account.Accounts;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;

/**
 * The members of staff a group's manager can be chosen from: enabled local accounts holding a
 * staff, editor or admin role, by name. Without local accounts (Liferay) there is no list and the
 * manager is typed as an account id.
 */
class StaffAccounts {

    static final StaffAccounts NONE = new StaffAccounts(null);

    private final Accounts accounts;

    StaffAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Whether there is a list to choose from. */
    boolean listed() {
        return accounts != null;
    }

    List<Person> managers() {
        if (accounts == null) {
            return List.of();
        }
        return accounts.all().stream().filter(Account::enabled).map(Account::person)
                // Administrators can do all that staff do, and on a new portal may be the only accounts.
                .filter(p -> p.hasRole(Roles.STAFF) || p.hasRole(Roles.EDITOR) || p.hasRole(Roles.ADMIN))
                .sorted(Comparator.comparing((Person p) -> p.displayName().toLowerCase()).thenComparing(Person::id))
                .toList();
    }

    Optional<Person> find(String id) {
        return accounts == null ? Optional.empty() : accounts.find(id);
    }
}
